export const CHANNELS = ['yahoo_auction', 'yahoo_shopping', 'amazon', 'rakuten', 'own'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  yahoo_auction: 'Yahoo!オークション',
  yahoo_shopping: 'Yahoo!ショッピング',
  amazon: 'Amazon',
  rakuten: '楽天市場',
  own: '自社サイト',
};
