/**
 * Main statuses (メインステータス) in tab order, with the manual's own words as labels.
 * Codes are stored in the database; labels are only for display.
 */
export const MAIN_STATUSES = [
  'new',
  'stock_confirmed',
  'out_of_stock',
  'paid',
  'awaiting_shipment',
  'shipped',
  'cancelled',
] as const;

export type MainStatus = (typeof MAIN_STATUSES)[number];

export const STATUS_LABELS: Record<MainStatus, string> = {
  new: '新規',
  stock_confirmed: '在庫確認済',
  out_of_stock: '欠品あり',
  paid: '入金済',
  awaiting_shipment: '出荷待ち',
  shipped: '出荷済',
  cancelled: 'キャンセル済',
};

/** The two extra tabs of the order list (S5, S6) after the seven main statuses. */
const EXTRA_TABS = ['mail_unsent', 'reminder'] as const;
type ExtraTab = (typeof EXTRA_TABS)[number];
export type Tab = MainStatus | ExtraTab;
export const TABS: readonly Tab[] = [...MAIN_STATUSES, ...EXTRA_TABS];

export const TAB_LABELS: Record<Tab, string> = {
  ...STATUS_LABELS,
  mail_unsent: 'メール未送信',
  reminder: '催促対象',
};

export function isMainStatus(value: string): value is MainStatus {
  return (MAIN_STATUSES as readonly string[]).includes(value);
}

/** Statuses whose customer mail is tracked per order (S5, S12). */
export const MAIL_STATUSES = ['stock_confirmed', 'paid', 'shipped'] as const satisfies readonly MainStatus[];
export type MailStatus = (typeof MAIL_STATUSES)[number];

export function hasStatusMail(status: MainStatus): status is MailStatus {
  return (MAIL_STATUSES as readonly string[]).includes(status);
}
