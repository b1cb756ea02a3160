/** Payment methods a Japanese multi-channel seller meets; bank-type ones need 入金確認. */
export const DEFAULT_PAYMENT_METHODS = [
  { code: 'bank_transfer', name: '銀行振込', needsConfirmation: true, isCod: false },
  { code: 'postal_transfer', name: '郵便振替', needsConfirmation: true, isCod: false },
  { code: 'convenience_store', name: 'コンビニ決済', needsConfirmation: true, isCod: false },
  { code: 'credit_card', name: 'クレジットカード', needsConfirmation: false, isCod: false },
  { code: 'cod', name: '代金引換', needsConfirmation: false, isCod: true },
  { code: 'yahoo_easy_payment', name: 'Yahoo!かんたん決済', needsConfirmation: false, isCod: false },
  { code: 'amazon_pay', name: 'Amazon決済', needsConfirmation: false, isCod: false },
  { code: 'rakuten_pay', name: '楽天ペイ', needsConfirmation: false, isCod: false },
  { code: 'deferred', name: '後払い', needsConfirmation: false, isCod: false },
] as const;

/** Sub-statuses a new store starts with (S4); staff change them in the master screen. */
export const DEFAULT_SUB_STATUSES = [
  { mainStatus: 'new', name: '要確認', color: '#f9a825' },
  { mainStatus: 'new', name: '予約商品', color: '#6a1b9a' },
  { mainStatus: 'out_of_stock', name: '入荷待ち', color: '#c62828' },
  { mainStatus: 'out_of_stock', name: 'お客様連絡済', color: '#1565c0' },
  { mainStatus: 'paid', name: '梱包中', color: '#2e7d32' },
  { mainStatus: 'awaiting_shipment', name: '集荷待ち', color: '#00838f' },
] as const;
