import type { ImportField, ImportMapping } from '../api/imports.js';
import type { Channel } from '../domain/channels.js';
import { headerIndex } from './csv-read.js';
import { parseYen } from './values.js';

/** A record's values for the import fields, as text ('' where the file has nothing). */
export type FieldValues = Partial<Record<ImportField, string>>;
/** Reads a column of the current record by header name ('' when the file has no such column). */
export type Column = (name: string) => string;

/** Reads a record's fields of one kind; a pure function of the columns it asks for. */
export type ReadFields = (col: Column) => FieldValues;

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

/** The fields of an item line; the rest are the order's. */
export const ITEM_FIELDS: readonly ImportField[] = ['lineNo', 'sku', 'title', 'quantity', 'unitPrice'];

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
  };
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
    unitPrice:
      itemPrice !== '' && purchased > 0 ? String(Math.round(Number(itemPrice.replace(/,/g, '')) / purchased)) : '0',
  };
}

const YAHOO_ORDER_HEADERS = ['OrderId', 'OrderTime', 'ShipZipCode'];
const YAHOO_ITEM_HEADERS = ['OrderId', 'Title', 'Quantity', 'UnitPrice'];
const AMAZON_HEADERS = ['order-id', 'purchase-date', 'sku', 'recipient-name', 'ship-postal-code'];

/**
 * Recognises a known layout from the files' header names (never positions): one Yahoo!
 * file with order and item columns, a Yahoo! order file plus its item file (any order),
 * or Amazon's unshipped orders report. Null when the headers are not a known layout.
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

/** A store's own layout through its saved mapping (one row per item line). */
export function mappingLayout(mapping: ImportMapping): Layout {
  const entries = Object.entries(mapping.fields).filter(([, header]) => header) as [ImportField, string][];
  const reader = (item: boolean): ReadFields => {
    const mine = entries.filter(([field]) => field === 'orderNo' || ITEM_FIELDS.includes(field) === item);
    return (c) => Object.fromEntries(mine.map(([field, header]) => [field, c(header)]));
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
  return Object.values(mapping.fields).filter((h): h is string => !!h && index(h) < 0);
}
