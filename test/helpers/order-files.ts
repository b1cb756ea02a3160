import iconv from 'iconv-lite';

/** An order as the test writes it into a channel's file. */
export interface FileOrder {
  orderNo: string;
  orderedAt: string;
  billLast: string;
  billFirst: string;
  email: string;
  phone: string;
  shipName: string;
  zip: string;
  prefecture: string;
  city: string;
  address1: string;
  address2: string;
  payment: string;
  shipCharge: number;
  payCharge: number;
  discount: number;
  comment: string;
  items: { itemId: string; subCode: string; title: string; quantity: number; unitPrice: number }[];
}

let serial = 0;

/** A plausible Yahoo! order; override what the test is about. */
export function fileOrder(overrides: Partial<FileOrder> = {}): FileOrder {
  serial += 1;
  return {
    orderNo: `chumon-store-${String(20_000_000 + serial)}`,
    orderedAt: '2026/11/20 12:34:56',
    billLast: '鈴木',
    billFirst: '一郎',
    email: `ichiro${serial}@example.jp`,
    phone: '090-1234-5678',
    shipName: '鈴木 一郎',
    zip: '530-0001',
    prefecture: '大阪府',
    city: '大阪市北区',
    address1: '梅田1丁目2-3',
    address2: 'グランドハイツ 305号室',
    payment: 'クレジットカード決済',
    shipCharge: 550,
    payCharge: 0,
    discount: 0,
    comment: '',
    items: [
      { itemId: 'mug', subCode: 'MG-010', title: '有田焼 マグカップ 藍', quantity: 2, unitPrice: 1650 },
      { itemId: 'towel', subCode: '', title: '今治タオル フェイスタオル', quantity: 1, unitPrice: 2200 },
    ],
    ...overrides,
  };
}

export function totalOfFile(o: FileOrder): number {
  return o.items.reduce((s, i) => s + i.quantity * i.unitPrice, 0) + o.shipCharge + o.payCharge - o.discount;
}

const quote = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
export const csvLine = (values: (string | number)[]) => values.map(quote).join(',');

export const YAHOO_ORDER_COLUMNS = [
  'OrderId',
  'OrderTime',
  'BillLastName',
  'BillFirstName',
  'BillMailAddress',
  'BillPhoneNumber',
  'ShipName',
  'ShipZipCode',
  'ShipPrefecture',
  'ShipCity',
  'ShipAddress1',
  'ShipAddress2',
  'ShipPhoneNumber',
  'PayMethodName',
  'ShipCharge',
  'PayCharge',
  'Discount',
  'TotalPrice',
  'BuyerComments',
] as const;
export const YAHOO_ITEM_COLUMNS = ['OrderId', 'LineId', 'ItemId', 'SubCode', 'Title', 'Quantity', 'UnitPrice'] as const;

function orderValues(o: FileOrder): Record<string, string | number> {
  return {
    OrderId: o.orderNo,
    OrderTime: o.orderedAt,
    BillLastName: o.billLast,
    BillFirstName: o.billFirst,
    BillMailAddress: o.email,
    BillPhoneNumber: o.phone,
    ShipName: o.shipName,
    ShipZipCode: o.zip,
    ShipPrefecture: o.prefecture,
    ShipCity: o.city,
    ShipAddress1: o.address1,
    ShipAddress2: o.address2,
    ShipPhoneNumber: o.phone,
    PayMethodName: o.payment,
    ShipCharge: o.shipCharge,
    PayCharge: o.payCharge,
    Discount: o.discount,
    TotalPrice: totalOfFile(o),
    BuyerComments: o.comment,
  };
}

/** One Yahoo! file, a line per item with the order's columns repeated; `columns` reorders them. */
export function yahooCombined(
  orders: FileOrder[],
  columns: readonly string[] = [...YAHOO_ORDER_COLUMNS, ...YAHOO_ITEM_COLUMNS.slice(1)],
): string {
  const lines = [csvLine([...columns])];
  for (const o of orders) {
    o.items.forEach((item, i) => {
      const values: Record<string, string | number> = {
        ...orderValues(o),
        LineId: i + 1,
        ItemId: item.itemId,
        SubCode: item.subCode,
        Title: item.title,
        Quantity: item.quantity,
        UnitPrice: item.unitPrice,
      };
      lines.push(csvLine(columns.map((c) => values[c] ?? '')));
    });
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Yahoo!'s two-file export: orders and items. */
export function yahooSplit(orders: FileOrder[]): { orders: string; items: string } {
  const head = [
    csvLine([...YAHOO_ORDER_COLUMNS]),
    ...orders.map((o) => csvLine(YAHOO_ORDER_COLUMNS.map((c) => orderValues(o)[c]!))),
  ];
  const items = [csvLine([...YAHOO_ITEM_COLUMNS])];
  for (const o of orders) {
    o.items.forEach((item, i) =>
      items.push(csvLine([o.orderNo, i + 1, item.itemId, item.subCode, item.title, item.quantity, item.unitPrice])),
    );
  }
  return { orders: `${head.join('\r\n')}\r\n`, items: `${items.join('\r\n')}\r\n` };
}

export const AMAZON_COLUMNS = [
  'order-id',
  'order-item-id',
  'purchase-date',
  'payments-date',
  'buyer-email',
  'buyer-name',
  'buyer-phone-number',
  'sku',
  'product-name',
  'quantity-purchased',
  'quantity-shipped',
  'quantity-to-ship',
  'ship-service-level',
  'recipient-name',
  'ship-address-1',
  'ship-address-2',
  'ship-address-3',
  'ship-city',
  'ship-state',
  'ship-postal-code',
  'ship-country',
  'ship-phone-number',
  'payment-method',
  'cod-collectible-amount',
  'already-paid',
  'payment-method-fee',
  'item-price',
  'shipping-price',
] as const;

/** Amazon's 未出荷注文レポート as Seller Central gives it today: no price columns at all. */
const PRICE_COLUMNS: readonly string[] = ['item-price', 'shipping-price'];

/** Amazon's unshipped orders report: tab-delimited, no quoting; `prices: false` leaves the price columns out. */
export function amazonReport(
  orders: FileOrder[],
  cod: ReadonlySet<string> = new Set(),
  { prices = true }: { prices?: boolean } = {},
): string {
  const columns = prices ? AMAZON_COLUMNS : AMAZON_COLUMNS.filter((c) => !PRICE_COLUMNS.includes(c));
  const lines = [columns.join('\t')];
  for (const o of orders) {
    o.items.forEach((item, i) => {
      const isCod = cod.has(o.orderNo);
      const row: Record<string, string | number> = {
        'order-id': o.orderNo,
        'order-item-id': `${o.orderNo.slice(-5)}${i}`,
        'purchase-date': o.orderedAt,
        'payments-date': o.orderedAt,
        'buyer-email': o.email,
        'buyer-name': '',
        'buyer-phone-number': o.phone,
        sku: item.subCode || item.itemId,
        'product-name': item.title,
        'quantity-purchased': item.quantity,
        'quantity-shipped': 0,
        'quantity-to-ship': item.quantity,
        'ship-service-level': 'Standard',
        'recipient-name': o.shipName,
        'ship-address-1': o.address1,
        'ship-address-2': o.address2,
        'ship-address-3': '',
        'ship-city': o.city,
        'ship-state': o.prefecture,
        'ship-postal-code': o.zip,
        'ship-country': 'JP',
        'ship-phone-number': o.phone,
        'payment-method': isCod ? 'COD' : 'Other',
        'cod-collectible-amount': isCod ? totalOfFile(o) : '',
        'already-paid': isCod ? 0 : totalOfFile(o),
        'payment-method-fee': isCod ? o.payCharge : '',
        'item-price': item.quantity * item.unitPrice,
        'shipping-price': i === 0 ? o.shipCharge : 0,
      };
      lines.push(columns.map((c) => String(row[c] ?? '')).join('\t'));
    });
  }
  return `${lines.join('\r\n')}\r\n`;
}

export const sjis = (text: string): Buffer => iconv.encode(text, 'cp932');
export const utf8bom = (text: string): Buffer =>
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
export const upload = (name: string, bytes: Buffer) => ({ name, base64: bytes.toString('base64') });
