import type { Channel } from '../../src-shared/domain/channels.js';

/**
 * Parsing of the values stores' files contain. Each returns null for what it cannot read,
 * and the caller rejects the row with a reason the clerk understands.
 */

/** Yen amounts: "1,650", "¥1,650", "１６５０円" → 1650. */
export function parseYen(raw: string): number | null {
  const text = raw.normalize('NFKC').replace(/[,\s¥￥円]/g, '').replace(/\\/g, '');
  if (text === '') return 0;
  if (!/^-?\d{1,10}(\.0+)?$/.test(text)) return null;
  return Math.trunc(Number(text));
}

export function parseCount(raw: string): number | null {
  const text = raw.normalize('NFKC').replace(/[,\s]/g, '');
  return /^\d{1,7}$/.test(text) ? Number(text) : null;
}

const DATE_TIME = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/;

/**
 * Order dates as shops write them: "2026/11/20 12:34:56", "2026-11-20T12:34:56+09:00",
 * "20261120123456". Without a zone they are Japan time. Returns ISO UTC.
 */
export function parseOrderDate(raw: string): string | null {
  const text = raw.normalize('NFKC').trim();
  const m = DATE_TIME.exec(text) ?? COMPACT.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const zone = m[7] ?? '+09:00';
  const pad = (v: string) => v.padStart(2, '0');
  const iso = `${y}-${pad(mo!)}-${pad(d!)}T${pad(h)}:${pad(mi)}:${pad(s)}${zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // Reject rolled-over dates (2026/02/31 would become March 3rd).
  const local = new Date(date.getTime() + (zone === 'Z' ? 0 : offsetMinutes(zone) * 60_000));
  if (local.getUTCDate() !== Number(d) || local.getUTCMonth() + 1 !== Number(mo)) return null;
  return date.toISOString();
}

function offsetMinutes(zone: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** "1000005", "100-0005", "〒１００－０００５" → "100-0005"; null unless 7 digits. */
export function parsePostalCode(raw: string): string | null {
  const digits = raw.normalize('NFKC').replace(/[^0-9]/g, '');
  return digits.length === 7 ? `${digits.slice(0, 3)}-${digits.slice(3)}` : null;
}

const PREFECTURE = /^(北海道|東京都|(?:京都|大阪)府|[^\s都道府県]{2,3}県)/;

/** Splits a leading prefecture off an address that carries it ("東京都千代田区…"). */
export function splitPrefecture(address: string): { prefecture: string; rest: string } {
  const m = PREFECTURE.exec(address.trim());
  return m ? { prefecture: m[1]!, rest: address.trim().slice(m[1]!.length) } : { prefecture: '', rest: address.trim() };
}

interface PaymentRow {
  code: string;
  name: string;
}

/** What channels call their payment methods, mapped to the master's codes. */
const PAYMENT_PATTERNS: [RegExp, string][] = [
  [/代引|代金引換|着払|^cod$/i, 'cod'],
  [/かんたん決済|paypay|ペイペイ|yahoo!?ウォレット/i, 'yahoo_easy_payment'],
  [/amazon\s*pay|アマゾンペイ/i, 'amazon_pay'],
  [/楽天/, 'rakuten_pay'],
  [/クレジット|カード|credit/i, 'credit_card'],
  [/郵便振替|ゆうちょ/, 'postal_transfer'],
  [/銀行|振込|bank/i, 'bank_transfer'],
  [/コンビニ|convenience/i, 'convenience_store'],
  [/後払/, 'deferred'],
];

/**
 * Finds the payment method of a file's value: the master's code or name first, then the
 * usual channel wordings; Amazon's "Other" is Amazon's own payment. Null when unknown.
 */
export function resolvePayment(raw: string, channel: Channel, methods: readonly PaymentRow[]): string | null {
  const text = raw.normalize('NFKC').trim();
  if (text === '') return null;
  const exact = methods.find((m) => m.code === text || m.name.normalize('NFKC') === text);
  if (exact) return exact.code;
  if (channel === 'amazon' && /^other$/i.test(text)) return 'amazon_pay';
  const known = new Set(methods.map((m) => m.code));
  for (const [pattern, code] of PAYMENT_PATTERNS) if (pattern.test(text) && known.has(code)) return code;
  return null;
}
