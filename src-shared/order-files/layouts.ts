import {
  IMPORT_ITEM_FIELDS,
  JOIN_SEPARATORS,
  mappedHeaders,
  type ImportField,
  type ImportMapping,
  type MappedColumns,
} from '../api/imports.js';
import type { Channel } from '../domain/channels.js';
import { jstWindow } from '../domain/delivery-wishes.js';
import { headerIndex } from './csv-read.js';
import { parseYen } from './values.js';

/** A record's values for the import fields, as text ('' where the file has nothing). */
export type FieldValues = Partial<Record<ImportField, string>>;
/** Reads a column of the current record by header name ('' when the file has no such column). */
type Column = (name: string) => string;

/** Reads a record's fields of one kind; a pure function of the columns it asks for. */
type ReadFields = (col: Column) => FieldValues;

/**
 * How one file of a layout is read: an order file's records carry order fields, an item
 * file's item fields, a combined file's both (each reader gives the order number too).
 */
export interface FileReader {
  order?: ReadFields;
  item?: ReadFields;
}

export interface Layout {
  label: string;
  /** Fixed channel (Amazon), or null to take the one the clerk chose (Yahoo!). */
  channel: Channel | null;
  files: FileReader[];
  /** Money given per line (Amazon's shipping-price) and added up for the order. */
  summed?: ImportField[];
}

// Plain two-argument helpers: these run for every line of a 150,000-line file.
const join = (sep: string, a: string, b: string) => (a === '' ? b : b === '' ? a : a + sep + b);
const first = (a: string, b: string) => (a !== '' ? a : b);

function has(header: readonly string[], names: readonly string[]): boolean {
  const index = headerIndex(header);
  return names.every((n) => index(n) >= 0);
}

/** Points used are a discount of the order like a coupon; a bad value stays for the row's rejection. */
function withPoints(discount: string, points: string): string {
  if (points === '') return discount;
  const a = parseYen(discount);
  const b = parseYen(points);
  if (a === null) return discount;
  if (b === null) return points;
  return String(Math.abs(a) + Math.abs(b));
}

/** Yahoo!ショッピング / オークション ストア (ストアクリエイターPro) order fields. */
function yahooOrder(c: Column): FieldValues {
  return {
    orderNo: c('OrderId'),
    orderedAt: c('OrderTime'),
    buyerName: first(
      first(join(' ', c('BillLastName'), c('BillFirstName')), c('BillName')),
      first(c('ShipName'), join(' ', c('ShipLastName'), c('ShipFirstName'))),
    ),
    buyerKana: first(
      first(join(' ', c('BillLastNameKana'), c('BillFirstNameKana')), c('BillNameKana')),
      join(' ', c('ShipLastNameKana'), c('ShipFirstNameKana')),
    ),
    buyerEmail: c('BillMailAddress'),
    buyerPhone: first(c('BillPhoneNumber'), c('ShipPhoneNumber')),
    shipName: first(c('ShipName'), join(' ', c('ShipLastName'), c('ShipFirstName'))),
    shipPostalCode: c('ShipZipCode'),
    shipPrefecture: c('ShipPrefecture'),
    shipAddress1: join('', c('ShipCity'), c('ShipAddress1')),
    shipAddress2: c('ShipAddress2'),
    shipPhone: c('ShipPhoneNumber'),
    paymentMethod: first(c('PayMethodName'), c('PayMethod')),
    shippingFee: c('ShipCharge'),
    codFee: c('PayCharge'),
    discount: withPoints(c('Discount'), c('UsePoint')),
    total: c('TotalPrice'),
    orderComment: c('BuyerComments'),
    deliveryDate: c('ShipRequestDate'),
    deliveryTimeSlot: c('ShipRequestTime'),
    deliveryMethod: c('ShipMethodName'),
  };
}

/** The sum of two amounts as text (a wrapping fee on top of the postage); a bad value stays for the row's rejection. */
function plusYen(a: string, b: string): string {
  if (b === '') return a;
  const x = parseYen(a === '' ? '0' : a);
  const y = parseYen(b);
  if (x === null) return a;
  if (y === null) return b;
  return String(x + y);
}

const phoneOf = (c: Column, prefix: string) =>
  join('-', join('-', c(`${prefix}電話番号1`), c(`${prefix}電話番号2`)), c(`${prefix}電話番号3`));

/**
 * 楽天市場 RMS 受注データ（楽天ペイ注文）: one line per item, the order's columns on each. Names
 * come split (姓 + 名, 郵便番号1 + 2, 都道府県 + 郡市区 + それ以降の住所, three phone parts);
 * what the buyer pays is 請求金額, points and coupons being the discount; wrapping is postage.
 */
function rakutenOrder(c: Column): FieldValues {
  return {
    orderNo: c('注文番号'),
    orderedAt: c('注文日時'),
    buyerName: join(' ', c('注文者姓'), c('注文者名')),
    buyerKana: join(' ', c('注文者姓カナ'), c('注文者名カナ')),
    buyerEmail: c('注文者メールアドレス'),
    buyerPhone: phoneOf(c, '注文者'),
    shipName: join(' ', c('送付先姓'), c('送付先名')),
    shipPostalCode: join('-', c('送付先郵便番号1'), c('送付先郵便番号2')),
    shipPrefecture: c('送付先住所都道府県'),
    shipAddress1: join('', c('送付先住所郡市区'), c('送付先住所それ以降の住所')),
    shipPhone: phoneOf(c, '送付先'),
    paymentMethod: c('支払方法名'),
    shippingFee: plusYen(plusYen(c('送料合計'), c('ラッピング料金1')), c('ラッピング料金2')),
    codFee: c('代引料合計'),
    discount: withPoints(c('クーポン利用総額'), c('ポイント利用額')),
    total: c('請求金額'),
    orderComment: c('コメント'),
  };
}

function rakutenItem(c: Column): FieldValues {
  return {
    orderNo: c('注文番号'),
    lineNo: '',
    sku: first(c('SKU管理番号'), first(c('商品管理番号'), c('商品番号'))),
    title: join(' ', c('商品名'), c('項目・選択肢').replace(/\s+/g, ' ')),
    quantity: c('個数'),
    unitPrice: c('単価'),
    // 税率 as RMS gives it (0.1 / 0.08 or 10 / 8); absent in older files: the standard rate.
    taxRate: c('税率'),
  };
}

function yahooItem(c: Column): FieldValues {
  return {
    orderNo: c('OrderId'),
    lineNo: c('LineId'),
    // SubCode is the variant's own code (size, colour); ItemId the product's.
    sku: first(c('SubCode'), c('ItemId')),
    title: c('Title'),
    quantity: c('Quantity'),
    unitPrice: c('UnitPrice'),
    taxRate: c('ItemTaxRatio'),
  };
}

/**
 * Amazon's お届け日時指定便 window (scheduled-delivery-start/end-date, ISO with offset) as the
 * day and slot in Japan time; a window that is no slot stays as written for the row's rejection.
 */
function scheduledDelivery(start: string, end: string): FieldValues {
  if (start === '') return {};
  const window = jstWindow(start, end);
  if (!window) return { deliveryDate: start, deliveryTimeSlot: end };
  return { deliveryDate: window.date, deliveryTimeSlot: window.slot };
}

/** Amazon Seller Central 未出荷注文レポート (tab-delimited): the order's fields of a line. */
function amazonOrder(c: Column): FieldValues {
  const cod = /^cod$/i.test(c('payment-method'));
  return {
    orderNo: c('order-id'),
    orderedAt: c('purchase-date'),
    buyerName: first(c('buyer-name'), c('recipient-name')),
    buyerEmail: c('buyer-email'),
    buyerPhone: c('buyer-phone-number'),
    shipName: c('recipient-name'),
    shipPostalCode: c('ship-postal-code'),
    shipPrefecture: c('ship-state'),
    shipAddress1: join('', c('ship-city'), c('ship-address-1')),
    shipAddress2: join(' ', c('ship-address-2'), c('ship-address-3')),
    shipPhone: first(c('ship-phone-number'), c('buyer-phone-number')),
    paymentMethod: first(c('payment-method'), 'Other'),
    codFee: cod ? c('payment-method-fee') : '',
    shippingFee: c('shipping-price'),
    ...scheduledDelivery(c('scheduled-delivery-start-date'), c('scheduled-delivery-end-date')),
  };
}

/** The item of an Amazon line. */
function amazonItem(c: Column): FieldValues {
  const purchased = Number(c('quantity-purchased')) || 0;
  const itemPrice = c('item-price');
  return {
    orderNo: c('order-id'),
    lineNo: '',
    sku: c('sku'),
    title: c('product-name'),
    quantity: first(c('quantity-to-ship'), c('quantity-purchased')),
    // The report gives the line's price; the unit price is that over the quantity bought.
    // The unshipped-orders report has no prices: '' (金額未取得), never a price of 0.
    unitPrice:
      itemPrice !== '' && purchased > 0 ? String(Math.round(Number(itemPrice.replace(/,/g, '')) / purchased)) : '',
  };
}

/**
 * ヤフオク! ストアの落札データ（ストア管理 → 落札ナビ → 落札データ一覧 → ダウンロード）: one line
 * per won auction, the auction's ID being the order number. No public source lists this file's
 * columns: these names are the app's own set (README, F1), and a file with other headers is read
 * through a saved mapping.
 */
function auctionOrder(c: Column): FieldValues {
  return {
    orderNo: c('オークションID'),
    orderedAt: c('落札日時'),
    buyerName: c('落札者氏名'),
    buyerEmail: c('落札者メールアドレス'),
    buyerPhone: c('落札者電話番号'),
    shipName: first(c('送付先氏名'), c('落札者氏名')),
    shipPostalCode: first(c('送付先郵便番号'), c('落札者郵便番号')),
    shipPrefecture: first(c('送付先都道府県'), c('落札者都道府県')),
    shipAddress1: first(c('送付先住所'), c('落札者住所')),
    shipPhone: first(c('送付先電話番号'), c('落札者電話番号')),
    paymentMethod: c('支払方法'),
    shippingFee: c('送料'),
    total: c('合計金額'),
    orderComment: c('落札者コメント'),
  };
}

function auctionItem(c: Column): FieldValues {
  return {
    orderNo: c('オークションID'),
    lineNo: '',
    sku: first(c('管理番号'), c('オークションID')),
    title: c('タイトル'),
    quantity: first(c('落札数量'), '1'),
    unitPrice: c('落札価格'),
  };
}

const YAHOO_ORDER_HEADERS = ['OrderId', 'OrderTime', 'ShipZipCode'];
const YAHOO_ITEM_HEADERS = ['OrderId', 'Title', 'Quantity', 'UnitPrice'];
const AMAZON_HEADERS = ['order-id', 'purchase-date', 'sku', 'recipient-name', 'ship-postal-code'];
const AUCTION_HEADERS = ['オークションID', '落札日時', '落札者氏名', 'タイトル', '落札価格'];
const RAKUTEN_HEADERS = [
  '注文番号',
  '注文日時',
  '送付先郵便番号1',
  '送付先郵便番号2',
  '送付先住所郡市区',
  '商品名',
  '個数',
];

/**
 * Recognises a known layout from the files' header names (never positions): one Yahoo!
 * file with order and item columns, a Yahoo! order file plus its item file (any order),
 * Amazon's unshipped orders report, 楽天's order data or the ヤフオク! store's 落札データ. Null when the headers are not a known layout.
 */
export function detectLayout(headers: readonly (readonly string[])[]): { layout: Layout; order: number[] } | null {
  if (headers.length === 1) {
    const [h] = headers as [readonly string[]];
    if (has(h, AMAZON_HEADERS)) {
      return {
        layout: {
          label: 'Amazon 未出荷注文レポート',
          channel: 'amazon',
          files: [{ order: amazonOrder, item: amazonItem }],
          summed: ['shippingFee'],
        },
        order: [0],
      };
    }
    if (has(h, RAKUTEN_HEADERS)) {
      return {
        layout: {
          label: '楽天ペイ 受注データ',
          channel: 'rakuten',
          files: [{ order: rakutenOrder, item: rakutenItem }],
        },
        order: [0],
      };
    }
    if (has(h, AUCTION_HEADERS)) {
      return {
        layout: {
          label: 'ヤフオク! ストア 落札データ',
          channel: 'yahoo_auction',
          files: [{ order: auctionOrder, item: auctionItem }],
        },
        order: [0],
      };
    }
    if (has(h, YAHOO_ORDER_HEADERS) && has(h, YAHOO_ITEM_HEADERS)) {
      return {
        layout: {
          label: 'Yahoo! ストア注文CSV（注文・商品一体）',
          channel: null,
          files: [{ order: yahooOrder, item: yahooItem }],
        },
        order: [0],
      };
    }
    return null;
  }
  const orderFile = headers.findIndex((h) => has(h, YAHOO_ORDER_HEADERS) && !has(h, ['Title']));
  const itemFile = headers.findIndex((h, i) => i !== orderFile && has(h, YAHOO_ITEM_HEADERS));
  if (orderFile < 0 || itemFile < 0) return null;
  return {
    layout: {
      label: 'Yahoo! ストア注文CSV（注文ファイル＋商品ファイル）',
      channel: null,
      files: [{ order: yahooOrder }, { item: yahooItem }],
    },
    order: [orderFile, itemFile],
  };
}

/**
 * A store's own layout through its saved mapping (one row per item line); a field mapped to
 * several columns reads them joined, the empty ones left out.
 */
export function mappingLayout(mapping: ImportMapping): Layout {
  const entries = (Object.entries(mapping.fields) as [ImportField, MappedColumns][])
    .map(([field, columns]) => [field, mappedHeaders(columns)] as const)
    .filter(([, headers]) => headers.length > 0);
  const reader = (item: boolean): ReadFields => {
    const mine = entries.filter(([field]) => field === 'orderNo' || IMPORT_ITEM_FIELDS.includes(field) === item);
    return (c) =>
      Object.fromEntries(
        mine.map(([field, headers]) => {
          const separator = JOIN_SEPARATORS[field] ?? '';
          return [field, headers.reduce((text, h) => join(separator, text, c(h)), '')];
        }),
      );
  };
  return {
    label: `マッピング「${mapping.name}」`,
    channel: mapping.channel,
    files: [{ order: reader(false), item: reader(true) }],
  };
}

/** The mapped headers that the file lacks. */
export function missingHeaders(mapping: ImportMapping, header: readonly string[]): string[] {
  const index = headerIndex(header);
  return Object.values(mapping.fields)
    .flatMap((columns) => mappedHeaders(columns))
    .filter((h) => index(h) < 0);
}
