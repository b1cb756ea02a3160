import { CHANNELS, type Channel } from '../domain/channels.js';
import { z } from 'zod';
import type { BulkResult } from '../domain/order.js';
import { MAIL_KINDS, MAIL_RESULTS, type MailKind, type MailResult } from '../domain/mail.js';
import { method } from './define.js';
import { orderId, orderIds } from './orders.js';
import { lineText, multiLineText } from './text.js';

export type SmtpSecurity = 'none' | 'starttls' | 'tls';
export type MailEncoding = 'utf8' | 'iso2022jp';

/** The mail settings as the renderer sees them: the password itself never leaves main. */
export interface MailSettings {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string;
  hasPassword: boolean;
  /** How the stored password is protected, in words for the settings screen. */
  passwordProtection: string;
  /** Set when the password would travel unencrypted (no TLS), in words for the screen. */
  loginWarning: string | null;
  fromAddress: string;
  fromName: string;
  encoding: MailEncoding;
  /** Also an HTML alternative (clickable links); UTF-8 only, off by default (plain text). */
  htmlPart: boolean;
  shopName: string;
  signature: string;
  bankAccount: string;
}

const emailOrEmpty = (label: string) =>
  lineText()
    .trim()
    .max(254)
    .refine(
      (v) => v === '' || /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/.test(v),
      `${label}の形式が正しくありません（例: shop@example.jp）。`,
    );

export const mailSettingsInput = z.object({
  host: lineText().trim().max(253),
  port: z.number().int().min(1, 'ポート番号は1〜65535です。').max(65535, 'ポート番号は1〜65535です。'),
  security: z.enum(['none', 'starttls', 'tls']),
  user: lineText().trim().max(200),
  /** Left out: keep the stored password. */
  password: lineText().max(200).optional(),
  clearPassword: z.boolean().default(false),
  fromAddress: emailOrEmpty('送信元アドレス'),
  fromName: lineText().trim().max(100),
  encoding: z.enum(['utf8', 'iso2022jp']),
  htmlPart: z.boolean().default(false),
  shopName: lineText().trim().max(100),
  signature: multiLineText().max(2000),
  bankAccount: multiLineText().max(1000),
});

export interface ReminderDays {
  unpaid: number;
  orderForm: number;
  /** 土日祝を数えない: only business days count towards the periods. */
  skipHolidays?: boolean;
}

const days = (label: string) =>
  z
    .number()
    .int(`${label}は日数（整数）で入力してください。`)
    .min(1, `${label}は1日以上にしてください。`)
    .max(365, `${label}は365日以内にしてください。`);

export interface MailTemplate {
  kind: MailKind;
  label: string;
  subject: string;
  body: string;
  /** False while the built-in text is used. */
  customized: boolean;
  updatedAt: string | null;
}

export interface MailPreview {
  orderId: number;
  orderNo: string;
  to: string;
  subject: string;
  text: string;
  /** The HTML alternative, '' when the settings send plain text only. */
  html: string;
  /** Why this order would not get the mail, or what will look different when sent. */
  warnings: string[];
}

/** One order that a batch left alone, and why. */
export interface MailSkip {
  orderId: number;
  orderNo: string;
  reason: string;
}

export interface MailFailure {
  orderId: number;
  orderNo: string;
  logId: number;
  error: string;
}

/** What F7, the bulk buttons and a retry report (sent / failed / unknown / skipped). */
export interface MailBatchResult {
  sent: number;
  failed: MailFailure[];
  /** Possibly delivered: never resent automatically; F8 lets the clerk decide. */
  unknown: MailFailure[];
  skipped: MailSkip[];
  /** Set when the batch stopped early, with the reason. */
  aborted: string | null;
}

export interface MailLogRow {
  id: number;
  orderId: number;
  orderNo: string;
  kind: MailKind;
  mainStatus: string;
  recipient: string;
  subject: string;
  result: MailResult;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  actor: string;
  retryOf: number | null;
}

export interface MailLogEntry extends MailLogRow {
  body: string;
  messageId: string | null;
  /** Failed or of unknown outcome, and the order still wants this mail. */
  canRetry: boolean;
  /** Of unknown outcome: the clerk may confirm it as delivered. */
  canConfirm: boolean;
}

const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日付は YYYY-MM-DD で入力してください。');

const mailLogQuery = z.object({
  orderNo: lineText().trim().max(60).default(''),
  /** Japan-time calendar days, inclusive. */
  from: ymd.optional(),
  to: ymd.optional(),
  result: z.enum(MAIL_RESULTS).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(200),
});

const logId = z.number().int().positive();

export const mailTemplateSubject = lineText().max(200, '件名は200文字以内にしてください。');
export const mailTemplateBody = multiLineText().max(20_000, '本文は20,000文字以内にしてください。');

/** Every channel's mail setting per kind: true = Chumon sends it. */
export type ChannelMailPolicy = Record<Channel, Record<MailKind, boolean>>;

export const mailApi = {
  /** F7 and the メール未送信 bulk send ('status'), the 催促対象 bulk send ('reminder'). */
  'mail:send': method<MailBatchResult>()(z.object({ orderIds, purpose: z.enum(['status', 'reminder']) })),
  /** Sends failed (or, after the clerk checked, unknown) attempts again. */
  'mail:retry': method<MailBatchResult>()(
    z.object({ logIds: z.array(logId).min(1, '再送するメールを選んでください。').max(100_000) }),
  ),
  /** The clerk confirmed that a mail of unknown outcome did arrive. */
  'mail:confirmSent': method<MailLogEntry>()(z.object({ id: logId })),
  'mail:log': method<{ rows: MailLogRow[]; total: number }>()(mailLogQuery),
  'mail:logEntry': method<MailLogEntry>()(z.object({ id: logId })),
  /** An order's mails for F12; blockedReason says why no mail can go to it, if so. */
  'mail:orderMails': method<{ rows: MailLogRow[]; blockedReason: string | null }>()(z.object({ orderId })),
  /** E12 出荷メール一括処理済変更 */
  'mail:markShippingSent': method<BulkResult>()(z.object({ orderIds })),
  'mail:templates': method<MailTemplate[]>()(z.object({})),
  'mail:saveTemplate': method<MailTemplate>()(
    z.object({
      kind: z.enum(MAIL_KINDS),
      subject: mailTemplateSubject,
      body: mailTemplateBody,
    }),
  ),
  'mail:resetTemplate': method<MailTemplate>()(z.object({ kind: z.enum(MAIL_KINDS) })),
  /** The mail as it would go to a real order (an unsaved draft may be given). */
  'mail:preview': method<MailPreview>()(
    z.object({
      kind: z.enum(MAIL_KINDS),
      orderNo: lineText().trim().max(60).default(''),
      subject: lineText().max(200).optional(),
      body: multiLineText().max(20_000).optional(),
    }),
  ),
  'mail:settings': method<MailSettings>()(z.object({})),
  'mail:saveSettings': method<MailSettings>()(mailSettingsInput),
  'mail:testSend': method<{ message: string }>()(
    z.object({ to: emailOrEmpty('宛先').refine((v) => v !== '', '宛先を入力してください。') }),
  ),
  /** 催促メール期限管理 (S6) */
  'mail:reminderDays': method<ReminderDays>()(z.object({})),
  /** メール方針: every channel and template kind, whether Chumon mails that channel's buyers. */
  'mail:policy': method<ChannelMailPolicy>()(z.object({})),
  /** One channel and kind switched on or off. */
  'mail:savePolicy': method<ChannelMailPolicy>()(
    z.object({ channel: z.enum(CHANNELS), kind: z.enum(MAIL_KINDS), send: z.boolean() }),
  ),
  'mail:saveReminderDays': method<ReminderDays>()(
    z.object({
      unpaid: days('未入金の催促期限'),
      orderForm: days('オーダーフォーム未入力の催促期限'),
      skipHolidays: z.boolean().optional(),
    }),
  ),
};
