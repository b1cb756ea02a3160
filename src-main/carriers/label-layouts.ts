import type { LabelFormat } from '../../src-shared/api/carriers.js';
import type { CarrierSettings } from '../../src-shared/api/carriers.js';
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
}

/**
 * A column of a carrier's layout: its exact header, how its value is made, and the carrier's
 * limits. `bytes` is the field size in Shift_JIS bytes, which is how the carriers count
 * (全角 2, 半角 1: Sagawa's "16 full-width characters" is 32). `fit` truncates instead of
 * refusing (item names); `ascii` refuses anything but half-width characters.
 */
export interface LabelColumn {
  header: string;
  value?: (p: Parcel) => string;
  bytes?: number;
  required?: boolean;
  ascii?: boolean;
  fit?: boolean;
}

export interface LabelLayout {
  format: LabelFormat;
  columns: LabelColumn[];
  /** Rows per file the carrier accepts (Click Post: 40). */
  maxRows?: number;
  /** A parcel this carrier cannot take at all, with why. */
  refuse?: (p: Parcel) => string | null;
}

/** Consumption tax contained in a tax-included amount (10%), as carriers ask for it. */
export const taxIncluded = (amount: number) => Math.floor((amount * 10) / 110);

const address = (p: Parcel) => `${p.first.shipTo.prefecture}${p.first.shipTo.address1}`;
const digitsHyphen = (s: string) => s.normalize('NFKC').replace(/[^0-9-]/g, '');
const note = (p: Parcel) => (p.orders.length > 1 ? `同梱${p.orders.length}件` : '');

/**
 * Splits text into lines of at most `bytes` Shift_JIS bytes each, at character boundaries.
 */
export function splitBytes(text: string, bytes: number): string[] {
  const lines: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of text) {
    const w = ch.charCodeAt(0) < 0x80 || (ch.charCodeAt(0) >= 0xff61 && ch.charCodeAt(0) <= 0xff9f) ? 1 : 2;
    if (size + w > bytes) {
      lines.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += w;
  }
  if (current) lines.push(current);
  return lines;
}

/** The ship-to address in `count` lines of `bytes` each; building name on its own line when it fits. */
export function addressLines(p: Parcel, count: number, bytes: number): string[] {
  const lines = splitBytes(address(p), bytes);
  if (p.first.shipTo.address2) lines.push(...splitBytes(p.first.shipTo.address2, bytes));
  // Too many lines is left to the check: the last column gets the rest and fails its size.
  if (lines.length > count) lines.splice(count - 1, lines.length, lines.slice(count - 1).join(''));
  while (lines.length < count) lines.push('');
  return lines;
}

const blank = (header: string): LabelColumn => ({ header });

/**
 * ヤマト運輸 B2クラウド 外部データ取込 (送り状発行データ 基本レイアウト), 97 columns.
 * 送り状種類 0 = 発払, 2 = コレクト (代引); the COD amount goes in コレクト代金引換額.
 */
export const YAMATO_B2: LabelLayout = {
  format: 'yamato_b2',
  columns: [
    { header: 'お客様管理番号', value: (p) => p.first.orderNo, bytes: 50, ascii: true, required: true },
    { header: '送り状種類', value: (p) => (p.cod ? '2' : '0') },
    { header: 'クール区分', value: () => '0' },
    blank('伝票番号'),
    { header: '出荷予定日', value: (p) => p.shipDate, required: true },
    blank('お届け予定（指定）日'),
    blank('配達時間帯'),
    blank('お届け先コード'),
    { header: 'お届け先電話番号', value: (p) => digitsHyphen(p.first.shipTo.phone), bytes: 15, required: true },
    blank('お届け先電話番号枝番'),
    { header: 'お届け先郵便番号', value: (p) => p.first.shipTo.postalCode, bytes: 8, required: true },
    { header: 'お届け先住所', value: address, bytes: 64, required: true },
    { header: 'お届け先住所（アパートマンション名）', value: (p) => p.first.shipTo.address2, bytes: 32 },
    blank('お届け先会社・部門名１'),
    blank('お届け先会社・部門名２'),
    { header: 'お届け先名', value: (p) => p.first.shipTo.name, bytes: 32, required: true },
    blank('お届け先名略称カナ'),
    { header: '敬称', value: () => '様' },
    blank('ご依頼主コード'),
    { header: 'ご依頼主電話番号', value: (p) => digitsHyphen(p.store?.phone ?? ''), bytes: 15, required: true },
    blank('ご依頼主電話番号枝番'),
    { header: 'ご依頼主郵便番号', value: (p) => p.store?.postalCode ?? '', bytes: 8, required: true },
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
      'クロネコwebコレクトデータ登録', 'クロネコwebコレクト加盟店番号', 'クロネコwebコレクト申込受付番号１', 'クロネコwebコレクト申込受付番号２',
      'クロネコwebコレクト申込受付番号３', 'お届け予定ｅメール利用区分', 'お届け予定ｅメールe-mailアドレス', '入力機種', 'お届け予定eメールメッセージ',
      'お届け完了eメール利用区分', 'お届け完了ｅメールe-mailアドレス', 'お届け完了ｅメールメッセージ', 'クロネコ収納代行利用区分', '収納代行決済ＱＲコード印刷',
      '収納代行請求金額(税込)', '収納代行内消費税額等', '収納代行請求先郵便番号', '収納代行請求先住所', '収納代行請求先住所（アパートマンション名）',
      '収納代行請求先会社・部門名１', '収納代行請求先会社・部門名２', '収納代行請求先名(漢字)', '収納代行請求先名(カナ)', '収納代行問合せ先名(漢字)',
      '収納代行問合せ先郵便番号', '収納代行問合せ先住所', '収納代行問合せ先住所（アパートマンション名）', '収納代行問合せ先電話番号', '収納代行管理番号',
      '収納代行品名', '収納代行備考', '複数口くくりキー', '検索キータイトル１', '検索キー１', '検索キータイトル２', '検索キー２', '検索キータイトル３',
      '検索キー３', '検索キータイトル４', '検索キー４', '検索キータイトル５', '検索キー５', '予備', '予備', '投函予定メール利用区分',
      '投函予定メールe-mailアドレス', '投函予定メールメッセージ', '投函完了メール（お届け先宛）利用区分', '投函完了メール（お届け先宛）e-mailアドレス',
      '投函完了メール（お届け先宛）メールメッセージ', '投函完了メール（ご依頼主宛）利用区分', '投函完了メール（ご依頼主宛）e-mailアドレス',
      '投函完了メール（ご依頼主宛）メールメッセージ', '連携管理番号', '通知メールアドレス',
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
  columns: [
    blank('住所録コード'),
    { header: 'お届け先電話番号', value: (p) => digitsHyphen(p.first.shipTo.phone), bytes: 14, required: true },
    { header: 'お届け先郵便番号', value: (p) => p.first.shipTo.postalCode, bytes: 8, required: true },
    { header: 'お届け先住所１', value: (p) => addressLines(p, 3, 32)[0]!, bytes: 32, required: true },
    { header: 'お届け先住所２', value: (p) => addressLines(p, 3, 32)[1]!, bytes: 32 },
    { header: 'お届け先住所３', value: (p) => addressLines(p, 3, 32)[2]!, bytes: 32 },
    { header: 'お届け先名称１', value: (p) => p.first.shipTo.name, bytes: 32, required: true },
    { header: 'お届け先名称２', value: () => '' },
    { header: 'お客様管理ナンバー', value: (p) => p.first.orderNo, bytes: 16, ascii: true, required: true },
    { header: 'お客様コード', value: (p) => p.codes.sagawaCustomerCode },
    blank('部署・担当者（荷送人）'),
    blank('荷送人電話番号'),
    { header: 'ご依頼主電話番号', value: (p) => digitsHyphen(p.store?.phone ?? ''), bytes: 14, required: true },
    { header: 'ご依頼主郵便番号', value: (p) => p.store?.postalCode ?? '', bytes: 8, required: true },
    { header: 'ご依頼主住所１', value: (p) => splitBytes(p.store?.address ?? '', 32)[0] ?? '', bytes: 32, required: true },
    { header: 'ご依頼主住所２', value: (p) => splitBytes(p.store?.address ?? '', 32).slice(1).join(''), bytes: 32 },
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
    blank('配達日'),
    blank('配達指定時間帯'),
    blank('配達指定時間（時分）'),
    { header: '代引金額', value: (p) => (p.cod ? String(p.codAmount) : '') },
    { header: '消費税', value: (p) => (p.cod ? String(taxIncluded(p.codAmount)) : '') },
    blank('保険金額'),
    blank('指定シール①'),
    blank('指定シール②'),
    blank('指定シール③'),
    blank('営業店止め'),
    blank('営業店コード'),
    { header: '元着区分', value: () => '1' },
  ],
};

/**
 * 日本郵便 クリックポスト まとめ申込 CSV, 8 columns, 40 rows a file. No COD; name and each
 * address line at most 20 full-width characters, 内容品 15.
 */
export const CLICKPOST: LabelLayout = {
  format: 'japanpost_clickpost',
  maxRows: 40,
  columns: [
    { header: 'お届け先郵便番号', value: (p) => p.first.shipTo.postalCode.replace(/-/g, ''), bytes: 7, required: true },
    { header: 'お届け先氏名', value: (p) => p.first.shipTo.name, bytes: 40, required: true },
    { header: 'お届け先敬称', value: () => '様' },
    { header: 'お届け先住所1行目', value: (p) => addressLines(p, 4, 40)[0]!, bytes: 40, required: true },
    { header: 'お届け先住所2行目', value: (p) => addressLines(p, 4, 40)[1]!, bytes: 40 },
    { header: 'お届け先住所3行目', value: (p) => addressLines(p, 4, 40)[2]!, bytes: 40 },
    { header: 'お届け先住所4行目', value: (p) => addressLines(p, 4, 40)[3]!, bytes: 40 },
    { header: '内容品', value: (p) => p.itemName, bytes: 30, required: true, fit: true },
  ],
  refuse: (p) => (p.cod ? 'クリックポストは代金引換で送れません。ほかの配送方法を選んでください。' : null),
};

export const LABEL_LAYOUTS: Record<LabelFormat, LabelLayout> = {
  yamato_b2: YAMATO_B2,
  sagawa_ehiden2: SAGAWA_EHIDEN2,
  japanpost_clickpost: CLICKPOST,
};
