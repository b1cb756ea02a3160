/** The function-key bar, in the manual's words (S7–S16). F9 has no action in the manual. */
export const FUNCTION_KEYS = [
  { key: 'F1', label: 'Yahoo!オークションCSV取込' },
  { key: 'F2', label: '全選択' },
  { key: 'F3', label: '全解除' },
  { key: 'F4', label: '拡張' },
  { key: 'F5', label: '注文検索' },
  { key: 'F6', label: '最新取得' },
  { key: 'F7', label: 'メール送信' },
  { key: 'F8', label: '送信ログ照会' },
  { key: 'F9', label: '' },
  { key: 'F10', label: '同梱設定' },
  { key: 'F11', label: '在庫確認' },
  { key: 'F12', label: '注文詳細' },
] as const;

export type FunctionKey = (typeof FUNCTION_KEYS)[number]['key'];

export function isFunctionKey(key: string): key is FunctionKey {
  return FUNCTION_KEYS.some((k) => k.key === key);
}
