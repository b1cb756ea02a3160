import type { CarrierSettings, LabelFormat } from '../../src-shared/api/carriers.js';
import {
  CARRIER_SERVICES,
  type DeliveryService,
  type DeliveryWish,
  type TimeSlot,
} from '../../src-shared/domain/delivery-wishes.js';
import type { PrintOrder, StoreInfoRow } from '../printing/print-data.js';

/*
 * What a carrier's label layout is made of: the parcel a row stands for, the column type,
 * and the column values every carrier asks for in its own limits (phone numbers, postal
 * codes, addresses split by Shift_JIS bytes, text that a spreadsheet must not take for a
 * formula). The layouts themselves are in label-layouts.ts.
 */

/** One parcel as a label row sees it: an order, or the orders of a bundle shipped together. */
export interface Parcel {
  orders: PrintOrder[];
  first: PrintOrder;
  store: StoreInfoRow | null;
  /** YYYY/MM/DD */
  shipDate: string;
  cod: boolean;
  /** What the carrier collects on a COD parcel (all orders of the bundle). */
  codAmount: number;
  itemName: string;
  codes: CarrierSettings;
  /** The buyer's 配送希望 (the first order's) and the carrier service its 配送方法 names. */
  wish: DeliveryWish;
  service: DeliveryService;
}

/**
 * A column of a carrier's layout: its exact header, how its value is made, and the carrier's
 * limits. `bytes` is the field size in Shift_JIS bytes, which is how the carriers count
 * (全角 2, 半角 1: Sagawa's "16 full-width characters" is 32). `fit` truncates instead of
 * refusing (item names). `orderNo` marks お客様管理番号: our order number, half-width only
 * and never altered, since the carrier's issued data gives it back to find the order by.
 * `check` refuses a value that is not what the column holds (a phone number, a postal code).
 */
export interface LabelColumn {
  header: string;
  value?: (p: Parcel) => string;
  bytes?: number;
  required?: boolean;
  orderNo?: boolean;
  fit?: boolean;
  check?: (p: Parcel, value: string) => string | null;
}

export interface LabelLayout {
  format: LabelFormat;
  /** The carrier whose services this file carries (delivery-wishes.ts CARRIER_SERVICES). */
  carrier: keyof typeof CARRIER_SERVICES;
  columns: LabelColumn[];
  /** Rows per file the carrier accepts (Click Post: 40). */
  maxRows?: number;
  /** A parcel this carrier cannot take at all, with why. */
  refuse?: (p: Parcel) => string | null;
  /** A setting this carrier's file cannot be made without, with where to set it. */
  missingSetting?: (codes: CarrierSettings) => string | null;
}

/** Consumption tax contained in a tax-included amount (10%), as carriers ask for it. */
export const taxIncluded = (amount: number) => Math.floor((amount * 10) / 110);

/**
 * Full-width twins of the characters that make a spreadsheet run a cell as a formula. The
 * carriers' import tools read the file as data, so the usual apostrophe guard would be
 * printed on the label; the full-width character prints the same and Excel shows it as text.
 */
const FORMULA_LEAD: Record<string, string> = { '=': '＝', '+': '＋', '-': '－', '@': '＠' };

/**
 * A text cell that stays text when a clerk opens the label file in Excel: control characters
 * (tab, CR, LF: never meant on a label, and a leading tab or CR is itself a formula trick)
 * become spaces, the ends are trimmed, and a leading = + - @ becomes its full-width twin.
 */
export function inertText(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  const lead = FORMULA_LEAD[flat.charAt(0)];
  return lead ? lead + flat.slice(1) : flat;
}

/** Whether a half-width value would start a formula (order numbers cannot be altered). */
export const startsFormula = (value: string) => value.charAt(0) in FORMULA_LEAD;

export const address = (p: Parcel) => `${p.first.shipTo.prefecture}${p.first.shipTo.address1}`;
export const note = (p: Parcel) => (p.orders.length > 1 ? `同梱${p.orders.length}件` : '');

/**
 * A phone number as the carriers take it: digits and hyphens, +81 written as 0. A real
 * number never begins or ends with a hyphen, so stray ones are dropped.
 */
function carrierPhone(raw: string): string {
  return raw
    .normalize('NFKC')
    .trim()
    .replace(/^\+81[\s-]*(?:\(0\)[\s-]*)?/, '0')
    .replace(/[^0-9-]/g, '')
    .replace(/^-+|-+$/g, '');
}

/** NNN-NNNN (or NNNNNNN without the hyphen) from a postal code as typed; null if it is none. */
function carrierPostalCode(raw: string, hyphen: boolean): string | null {
  const match = /^(\d{3})-?(\d{4})$/.exec(
    raw
      .normalize('NFKC')
      .trim()
      .replace(/^〒\s*/, ''),
  );
  if (!match) return null;
  return hyphen ? `${match[1]}-${match[2]}` : `${match[1]}${match[2]}`;
}

/** Who can put a wrong value right: the buyer's data came from the channel, the store's from the master. */
const FIX_SHIP_TO = 'お客様に確認し、この注文の送り状は送り状ソフトで直接入力してください。';
const FIX_STORE = '店舗マスタを確認してください。';

function phoneColumn(header: string, bytes: number, raw: (p: Parcel) => string, fix: string): LabelColumn {
  return {
    header,
    value: (p) => carrierPhone(raw(p)),
    bytes,
    required: true,
    // Japanese numbers are 0 and 9 or 10 more digits (landline, mobile, 050, 0120).
    check: (p, value) =>
      /^0\d{9,10}$/.test(value.replace(/-/g, ''))
        ? null
        : `電話番号「${raw(p)}」は0で始まる10〜11桁の番号ではありません。${fix}`,
  };
}

function postalColumn(header: string, hyphen: boolean, raw: (p: Parcel) => string, fix: string): LabelColumn {
  return {
    header,
    value: (p) => carrierPostalCode(raw(p), hyphen) ?? raw(p),
    bytes: hyphen ? 8 : 7,
    required: true,
    check: (p) => (carrierPostalCode(raw(p), hyphen) ? null : `郵便番号「${raw(p)}」は7桁の数字ではありません。${fix}`),
  };
}

export const shipToPhone = (bytes: number) =>
  phoneColumn('お届け先電話番号', bytes, (p) => p.first.shipTo.phone, FIX_SHIP_TO);
export const storePhone = (bytes: number) =>
  phoneColumn('ご依頼主電話番号', bytes, (p) => p.store?.phone ?? '', FIX_STORE);
export const shipToPostal = (hyphen: boolean) =>
  postalColumn('お届け先郵便番号', hyphen, (p) => p.first.shipTo.postalCode, FIX_SHIP_TO);
export const storePostal = postalColumn('ご依頼主郵便番号', true, (p) => p.store?.postalCode ?? '', FIX_STORE);

const byteWidth = (ch: string) =>
  ch.charCodeAt(0) < 0x80 || (ch.charCodeAt(0) >= 0xff61 && ch.charCodeAt(0) <= 0xff9f) ? 1 : 2;

/**
 * Splits text into lines of at most `bytes` Shift_JIS bytes each, at character boundaries.
 * Each line is a cell of its own, so a line that would begin with = + - @ (an address
 * wrapped before "-3") begins with the full-width twin, counted at its own width.
 */
export function splitBytes(text: string, bytes: number): string[] {
  const lines: string[] = [];
  let current = '';
  let size = 0;
  for (const original of text) {
    let ch = original;
    let w = byteWidth(ch);
    if (size + w > bytes) {
      lines.push(current);
      current = '';
      size = 0;
    }
    const twin = current === '' ? FORMULA_LEAD[ch] : undefined;
    if (twin) {
      ch = twin;
      w = 2;
    }
    current += ch;
    size += w;
  }
  if (current) lines.push(current);
  return lines;
}

/** The ship-to address in `count` lines of `bytes` each; building name on its own line when it fits. */
export function addressLines(p: Parcel, count: number, bytes: number): string[] {
  const lines = splitBytes(inertText(address(p)), bytes);
  if (p.first.shipTo.address2) lines.push(...splitBytes(inertText(p.first.shipTo.address2), bytes));
  // Too many lines is left to the check: the last column gets the rest and fails its size.
  if (lines.length > count) lines.splice(count - 1, lines.length, lines.slice(count - 1).join(''));
  while (lines.length < count) lines.push('');
  return lines;
}

export const blank = (header: string): LabelColumn => ({ header });

/** The wished day in a carrier's writing ('/' for B2: 2026/12/24, '' for e飛伝Ⅱ: 20261224). */
export const wishDate = (p: Parcel, separator: string) => p.wish.date.replace(/-/g, separator);
export const slotCode = (codes: Partial<Record<TimeSlot, string>>) => (p: Parcel) =>
  codes[p.wish.timeSlot as TimeSlot] ?? '';
