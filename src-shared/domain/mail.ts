import type { MailStatus, MainStatus } from './status.js';

/** The customer mails of SPEC §4: three status mails (S12) and two reminders (S6). */
export const MAIL_KINDS = [
  'stock_confirmed',
  'payment_confirmed',
  'shipped',
  'unpaid_reminder',
  'order_form_reminder',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const MAIL_KIND_LABELS: Record<MailKind, string> = {
  stock_confirmed: '在庫確認メール',
  payment_confirmed: '入金確認メール',
  shipped: '発送完了メール',
  unpaid_reminder: '入金催促メール',
  order_form_reminder: 'オーダーフォーム入力催促メール',
};

/** The mail each main status sends (F7 / メール未送信). */
export const STATUS_MAIL_KIND: Record<MailStatus, MailKind> = {
  stock_confirmed: 'stock_confirmed',
  paid: 'payment_confirmed',
  shipped: 'shipped',
};

export const REMINDER_KINDS = ['unpaid_reminder', 'order_form_reminder'] as const satisfies readonly MailKind[];
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export function isStatusMailKind(kind: MailKind): boolean {
  return (Object.values(STATUS_MAIL_KIND) as string[]).includes(kind);
}

export function isMailKind(value: string): value is MailKind {
  return (MAIL_KINDS as readonly string[]).includes(value);
}

/** What a log row's result means, in the words the F8 screen shows. */
export const MAIL_RESULTS = ['pending', 'sent', 'failed', 'unknown', 'marked', 'retried'] as const;
export type MailResult = (typeof MAIL_RESULTS)[number];

export const MAIL_RESULT_LABELS: Record<MailResult, string> = {
  pending: '送信中',
  sent: '送信済',
  failed: '送信失敗',
  unknown: '結果不明',
  marked: '処理済（送信なし）',
  retried: '結果不明→再送',
};

/**
 * Placeholders a template may use, written {{name}} in the subject or body. The names are
 * Japanese because the clerks who edit templates read them.
 */
export const PLACEHOLDERS = [
  { name: '購入者名', description: '購入者の氏名' },
  { name: '注文番号', description: 'チャネルの注文番号' },
  { name: '注文日', description: '注文日（例: 2026年11月20日）' },
  { name: '商品明細', description: '商品名・数量・金額の一覧（複数行）' },
  { name: '小計', description: '商品代金の合計' },
  { name: '値引', description: '値引額' },
  { name: '送料', description: '送料' },
  { name: '代引手数料', description: '代引手数料' },
  { name: '合計金額', description: 'お支払い合計' },
  { name: '決済方法', description: '決済方法の名前' },
  { name: '振込先', description: 'メール設定の「振込先」' },
  { name: '配送業者', description: '配送業者の名前' },
  { name: '送り状番号', description: '送り状番号（追跡番号）' },
  { name: '追跡URL', description: '配送業者の荷物追跡ページ' },
  { name: '店舗名', description: 'メール設定の「店舗名」' },
  { name: '署名', description: 'メール設定の「署名」' },
] as const;
type PlaceholderName = (typeof PLACEHOLDERS)[number]['name'];
export type PlaceholderValues = Record<PlaceholderName, string>;

/** Which main statuses a reminder applies to (S6); kept here so the UI can explain skips. */
export const UNPAID_STATUSES: readonly MainStatus[] = ['new', 'stock_confirmed', 'out_of_stock'];
