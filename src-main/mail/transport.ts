import nodemailer from 'nodemailer';
import type { SmtpSecurity } from '../../src-shared/api/mail.js';
import { buildJisMessage } from './jis.js';
import type { OutgoingMail } from './outgoing-mail.js';

export interface SmtpConfig {
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string;
  password: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  verify(): Promise<void>;
  close(): void;
}

/** Parallel SMTP connections of the pool: enough for ~1,000 mails/s on a LAN server. */
export const POOL_CONNECTIONS = 5;

/**
 * A nodemailer transport for the store's SMTP server. `maxRequeues: 0` matters: by default
 * the pool silently sends a message again when its connection closes mid-send, which can
 * deliver it twice; here that case reaches us as an error and is logged as "unknown".
 */
export function openTransport(config: SmtpConfig, options: { pool: boolean }): MailTransport {
  const common = {
    host: config.host,
    port: config.port,
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    auth: config.user ? { user: config.user, pass: config.password } : undefined,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
  const transporter = options.pool
    ? nodemailer.createTransport({
        ...common,
        pool: true,
        maxConnections: POOL_CONNECTIONS,
        maxMessages: Infinity,
        maxRequeues: 0,
      })
    : nodemailer.createTransport(common);
  return {
    async send(mail) {
      if (mail.encoding === 'iso2022jp') {
        await transporter.sendMail({
          envelope: { from: mail.from.address, to: [mail.to] },
          raw: buildJisMessage(mail),
        });
        return;
      }
      await transporter.sendMail({
        from: { name: mail.from.name, address: mail.from.address },
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html || undefined,
        messageId: mail.messageId,
        date: mail.date,
      });
    },
    async verify() {
      await transporter.verify();
    },
    close: () => transporter.close(),
  };
}

interface SmtpError {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** Never connected: the message cannot have left. */
const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);

export interface ClassifiedError {
  /** True when the server certainly did not take the message: safe to send again. */
  definite: boolean;
  /** The server could not be reached at all (a batch stops after a few of these). */
  unreachable: boolean;
  /** Japanese, with the server's own reply where there is one; never the password. */
  message: string;
}

/**
 * Sorts a send error into "certainly not sent" and "may have been sent". A reply from the
 * server (4xx/5xx) or a connection never made is certain; a connection lost or timed out
 * once the message may have been handed over is not, and is never resent automatically.
 */
export function classifySendError(err: unknown, config: Pick<SmtpConfig, 'host' | 'port'>): ClassifiedError {
  const e = (err ?? {}) as SmtpError;
  const reply = e.response ? `（サーバーの応答: ${e.response.slice(0, 300)}）` : '';
  const where = `${config.host}:${config.port}`;
  if (e.code === 'EAUTH') {
    return {
      definite: true,
      unreachable: true,
      message: `SMTP サーバーの認証に失敗しました。メール設定のユーザー名とパスワードを確認してください${reply}。`,
    };
  }
  if (e.code === 'ETLS') {
    return {
      definite: true,
      unreachable: true,
      message: `SMTP サーバー（${where}）と暗号化接続できませんでした。メール設定の「暗号化」を確認してください${reply}。`,
    };
  }
  if (NOT_CONNECTED.has(e.originalCode ?? e.code ?? '')) {
    return {
      definite: true,
      unreachable: true,
      message: `SMTP サーバー（${where}）に接続できません。ホスト名・ポート番号・ネットワークを確認してください。`,
    };
  }
  if (typeof e.responseCode === 'number') {
    return {
      definite: true,
      unreachable: e.responseCode === 421,
      message: `SMTP サーバーが送信を受け付けませんでした${reply || `（${e.responseCode}）`}。`,
    };
  }
  if (e.code === 'EENVELOPE') {
    return {
      definite: true,
      unreachable: false,
      message: `宛先または送信元のアドレスが受け付けられませんでした（${e.message ?? ''}）。`,
    };
  }
  return {
    definite: false,
    unreachable: false,
    message: `送信中に SMTP サーバー（${where}）との接続が切れました。届いたかどうか分からないため、自動では再送しません（${e.message ?? String(err)}）。`,
  };
}
