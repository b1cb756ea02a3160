import type { Channel } from '../domain/channels.js';

/**
 * Parsing of the values stores' files contain. Each returns null for what it cannot read,
 * and the caller rejects the row with a reason the clerk understands.
 */

/** Whether `raw` is 1 to `max` ASCII digits: the usual cell, read without normalising. */
function plainDigits(raw: string, max: number): boolean {
  if (raw.length === 0 || raw.length > max) return false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** NFKC leaves ASCII as it is: most cells need no normalising. */
function isAscii(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) > 127) return false;
  return true;
}

/** Yen amounts: "1,650", "¥1,650", "１６５０円" → 1650. */
export function parseYen(raw: string): number | null {
  if (plainDigits(raw, 10)) return Number(raw);
  const text = raw
    .normalize('NFKC')
    .replace(/[,\s¥￥円]/g, '')
    .replace(/\\/g, '');
  if (text === '') return 0;
  if (!/^-?\d{1,10}(\.0+)?$/.test(text)) return null;
  return Math.trunc(Number(text));
}

export function parseCount(raw: string): number | null {
  if (plainDigits(raw, 7)) return Number(raw);
  const text = raw.normalize('NFKC').replace(/[,\s]/g, '');
  return /^\d{1,7}$/.test(text) ? Number(text) : null;
}

const DATE_TIME =
  /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
/** Date.UTC reads years 0–99 as 1900–1999: count from 400 years later (a whole Gregorian cycle) and go back. */
const GREGORIAN_CYCLE_MS = 146_097 * 86_400_000;

/** Minutes east of UTC of a zone written "Z", "+09:00" or "+0900"; Japan time when absent; null if impossible. */
function zoneMinutes(zone: string | undefined): number | null {
  if (zone === undefined) return 9 * 60;
  if (zone === 'Z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(-2));
  if (hours > 23 || minutes > 59) return null;
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/**
 * Order dates as shops write them: "2026/11/20 12:34:56", "2026-11-20T12:34:56+09:00",
 * "20261120123456". Without a zone they are Japan time. Returns ISO UTC; null for what is
 * not a date and time of the calendar (2026/02/31, 24:00, 12:60).
 */
export function parseOrderDate(raw: string): string | null {
  const text = (isAscii(raw) ? raw : raw.normalize('NFKC')).trim();
  const m = DATE_TIME.exec(text) ?? COMPACT.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  const offset = zoneMinutes(m[7]);
  if (offset === null || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (day > (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!)) return null;
  return new Date(
    Date.UTC(year + 400, month - 1, day, hour, minute, second) - GREGORIAN_CYCLE_MS - offset * 60_000,
  ).toISOString();
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
