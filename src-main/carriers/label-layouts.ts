import type { LabelFormat } from '../../src-shared/api/carriers.js';
import type { CarrierSettings } from '../../src-shared/api/carriers.js';
import {
  CARRIER_SERVICES,
  SAGAWA_SLOT_CODES,
  YAMATO_SLOT_CODES,
  YAMATO_TIME_SERVICE_SLOT,
  isFreightCollect,
  yamatoInvoiceType,
  type DeliveryService,
  type DeliveryWish,
  type TimeSlot,
} from '../../src-shared/domain/delivery-wishes.js';
import type { PrintOrder, StoreInfoRow } from '../printing/print-data.js';

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

const address = (p: Parcel) => `${p.first.shipTo.prefecture}${p.first.shipTo.address1}`;
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

/**
 * ヤマト運輸 B2クラウド 外部データ取込 (送り状発行データ 基本レイアウト), 97 columns.
 * 送り状種類 from the 配送方法 and payment (delivery-wishes.ts yamatoInvoiceType); the COD
 * amount goes in コレクト代金引換額.
 */
export const YAMATO_B2: LabelLayout = {
  missingSetting: (codes) =>
    codes.yamatoCustomerCode
      ? null
      : 'B2クラウドのご請求先顧客コードが設定されていません。設定 → 印刷・CSV の「B2クラウド ご請求先顧客コード」に登録してから出力してください。',
  format: 'yamato_b2',
  carrier: 'yamato',
  columns: [
    { header: 'お客様管理番号', value: (p) => p.first.orderNo, bytes: 50, orderNo: true, required: true },
    { header: '送り状種類', value: (p) => yamatoInvoiceType(p.service, p.cod, isFreightCollect(p.wish.method)) },
    { header: 'クール区分', value: () => '0' },
    blank('伝票番号'),
    { header: '出荷予定日', value: (p) => p.shipDate, required: true },
    { header: 'お届け予定（指定）日', value: (p) => wishDate(p, '/') },
    {
      header: '配達時間帯',
      value: (p) => (p.service === 'time' ? YAMATO_TIME_SERVICE_SLOT : slotCode(YAMATO_SLOT_CODES)(p)),
    },
    blank('お届け先コード'),
    shipToPhone(15),
    blank('お届け先電話番号枝番'),
    shipToPostal(true),
    { header: 'お届け先住所', value: address, bytes: 64, required: true },
    { header: 'お届け先住所（アパートマンション名）', value: (p) => p.first.shipTo.address2, bytes: 32 },
    blank('お届け先会社・部門名１'),
    blank('お届け先会社・部門名２'),
    { header: 'お届け先名', value: (p) => p.first.shipTo.name, bytes: 32, required: true },
    blank('お届け先名略称カナ'),
    { header: '敬称', value: () => '様' },
    blank('ご依頼主コード'),
    storePhone(15),
    blank('ご依頼主電話番号枝番'),
    storePostal,
    { header: 'ご依頼主住所', value: (p) => p.store?.address ?? '', bytes: 64, required: true },
    blank('ご依頼主住所（アパートマンション名）'),
    { header: 'ご依頼主名', value: (p) => p.store?.name ?? '', bytes: 32, required: true },
    blank('ご依頼主略称カナ'),
    blank('品名コード１'),
    { header: '品名１', value: (p) => p.itemName, bytes: 50, required: true, fit: true },
    blank('品名コード２'),
    blank('品名２'),
    blank('荷扱い１'),
    blank('荷扱い２'),
    { header: '記事', value: note, bytes: 44 },
    { header: 'コレクト代金引換額（税込）', value: (p) => (p.cod ? String(p.codAmount) : '') },
    { header: 'コレクト内消費税額等', value: (p) => (p.cod ? String(taxIncluded(p.codAmount)) : '') },
    blank('営業所止置き'),
    blank('営業所コード'),
    { header: '発行枚数', value: () => '1' },
    blank('個数口枠の印字'),
    { header: 'ご請求先顧客コード', value: (p) => p.codes.yamatoCustomerCode, required: true },
    blank('ご請求先分類コード'),
    { header: '運賃管理番号', value: (p) => p.codes.yamatoFreightNo || '01', required: true },
    ...[
      'クロネコwebコレクトデータ登録',
      'クロネコwebコレクト加盟店番号',
      'クロネコwebコレクト申込受付番号１',
      'クロネコwebコレクト申込受付番号２',
      'クロネコwebコレクト申込受付番号３',
      'お届け予定ｅメール利用区分',
      'お届け予定ｅメールe-mailアドレス',
      '入力機種',
      'お届け予定eメールメッセージ',
      'お届け完了eメール利用区分',
      'お届け完了ｅメールe-mailアドレス',
      'お届け完了ｅメールメッセージ',
      'クロネコ収納代行利用区分',
      '収納代行決済ＱＲコード印刷',
      '収納代行請求金額(税込)',
      '収納代行内消費税額等',
      '収納代行請求先郵便番号',
      '収納代行請求先住所',
      '収納代行請求先住所（アパートマンション名）',
      '収納代行請求先会社・部門名１',
      '収納代行請求先会社・部門名２',
      '収納代行請求先名(漢字)',
      '収納代行請求先名(カナ)',
      '収納代行問合せ先名(漢字)',
      '収納代行問合せ先郵便番号',
      '収納代行問合せ先住所',
      '収納代行問合せ先住所（アパートマンション名）',
      '収納代行問合せ先電話番号',
      '収納代行管理番号',
      '収納代行品名',
      '収納代行備考',
      '複数口くくりキー',
      '検索キータイトル１',
      '検索キー１',
      '検索キータイトル２',
      '検索キー２',
      '検索キータイトル３',
      '検索キー３',
      '検索キータイトル４',
      '検索キー４',
      '検索キータイトル５',
      '検索キー５',
      '予備',
      '予備',
      '投函予定メール利用区分',
      '投函予定メールe-mailアドレス',
      '投函予定メールメッセージ',
      '投函完了メール（お届け先宛）利用区分',
      '投函完了メール（お届け先宛）e-mailアドレス',
      '投函完了メール（お届け先宛）メールメッセージ',
      '投函完了メール（ご依頼主宛）利用区分',
      '投函完了メール（ご依頼主宛）e-mailアドレス',
      '投函完了メール（ご依頼主宛）メールメッセージ',
      '連携管理番号',
      '通知メールアドレス',
    ].map(blank),
  ],
  refuse: (p) => (p.cod && p.codAmount > 300_000 ? 'コレクト（代引）の金額は30万円までです。' : null),
};

/**
 * 佐川急便 e飛伝Ⅱ 出荷データ取込 (標準パターン), 39 columns. Addresses and names are at
 * most 16 full-width characters a line (3 address lines); お客様管理ナンバー 16 half-width.
 */
export const SAGAWA_EHIDEN2: LabelLayout = {
  format: 'sagawa_ehiden2',
  carrier: 'sagawa',
  columns: [
    blank('住所録コード'),
    shipToPhone(14),
    shipToPostal(true),
    { header: 'お届け先住所１', value: (p) => addressLines(p, 3, 32)[0]!, bytes: 32, required: true },
    { header: 'お届け先住所２', value: (p) => addressLines(p, 3, 32)[1]!, bytes: 32 },
    { header: 'お届け先住所３', value: (p) => addressLines(p, 3, 32)[2]!, bytes: 32 },
    { header: 'お届け先名称１', value: (p) => p.first.shipTo.name, bytes: 32, required: true },
    { header: 'お届け先名称２', value: () => '' },
    { header: 'お客様管理ナンバー', value: (p) => p.first.orderNo, bytes: 16, orderNo: true, required: true },
    { header: 'お客様コード', value: (p) => p.codes.sagawaCustomerCode },
    blank('部署・担当者（荷送人）'),
    blank('荷送人電話番号'),
    storePhone(14),
    storePostal,
    {
      header: 'ご依頼主住所１',
      value: (p) => splitBytes(p.store?.address ?? '', 32)[0] ?? '',
      bytes: 32,
      required: true,
    },
    {
      header: 'ご依頼主住所２',
      value: (p) =>
        splitBytes(p.store?.address ?? '', 32)
          .slice(1)
          .join(''),
      bytes: 32,
    },
    { header: 'ご依頼主名称１', value: (p) => p.store?.name ?? '', bytes: 32, required: true },
    blank('ご依頼主名称２'),
    blank('荷姿コード'),
    { header: '品名１', value: (p) => p.itemName, bytes: 32, fit: true },
    blank('品名２'),
    blank('品名３'),
    blank('品名４'),
    blank('品名５'),
    { header: '出荷個数', value: () => '1' },
    { header: '便種（スピードで選択）', value: () => '000' },
    blank('便種（商品）'),
    { header: '配達日', value: (p) => wishDate(p, '') },
    { header: '配達指定時間帯', value: slotCode(SAGAWA_SLOT_CODES) },
    blank('配達指定時間（時分）'),
    { header: '代引金額', value: (p) => (p.cod ? String(p.codAmount) : '') },
    { header: '消費税', value: (p) => (p.cod ? String(taxIncluded(p.codAmount)) : '') },
    blank('保険金額'),
    blank('指定シール①'),
    blank('指定シール②'),
    blank('指定シール③'),
    blank('営業店止め'),
    blank('営業店コード'),
    // 1 元払い, 2 着払い.
    { header: '元着区分', value: (p) => (isFreightCollect(p.wish.method) ? '2' : '1') },
  ],
};
