/** Carriers Japanese stores ship with, and where a buyer tracks a parcel. */
export const CARRIERS = ['yamato', 'sagawa', 'japanpost'] as const;
export type Carrier = (typeof CARRIERS)[number];

export const CARRIER_LABELS: Record<Carrier, string> = {
  yamato: 'ヤマト運輸',
  sagawa: '佐川急便',
  japanpost: '日本郵便',
};

const TRACKING_URLS: Record<Carrier, string> = {
  yamato: 'https://jizen.kuronekoyamato.co.jp/jizen/servlet/crjz.b.NQ0010?id=',
  sagawa: 'https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=',
  japanpost: 'https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=',
};

export function isCarrier(value: string): value is Carrier {
  return (CARRIERS as readonly string[]).includes(value);
}

export function trackingUrl(carrier: string | null, trackingNo: string | null): string {
  if (!carrier || !trackingNo || !isCarrier(carrier)) return '';
  return TRACKING_URLS[carrier] + encodeURIComponent(trackingNo.replace(/-/g, ''));
}
