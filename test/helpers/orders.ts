import type BetterSqlite3 from 'better-sqlite3';
import type { NewOrder } from '../../src-shared/domain/order.js';
import { OrderWriter, type InitialState } from '../../src-main/orders/writer.js';

let counter = 0;

/** A plain order; override what the test is about. */
export function makeOrder(overrides: Partial<NewOrder> = {}): NewOrder {
  counter += 1;
  return {
    channel: 'yahoo_shopping',
    orderNo: `T-${String(counter).padStart(6, '0')}`,
    orderedAt: '2026-11-20T03:00:00.000Z',
    buyer: { name: '山田 太郎', kana: 'ヤマダ タロウ', email: 'taro@example.jp', phone: '090-1111-2222' },
    shipTo: {
      name: '山田 太郎',
      postalCode: '100-0005',
      prefecture: '東京都',
      address1: '千代田区丸の内1丁目2番3号',
      address2: '',
      phone: '090-1111-2222',
    },
    paymentMethod: 'bank_transfer',
    items: [
      { lineNo: 1, sku: 'MG-010', title: '有田焼 マグカップ 藍', quantity: 2, unitPrice: 1650, location: 'B-02-01' },
    ],
    discount: 0,
    shippingFee: 550,
    codFee: 0,
    orderComment: '',
    mailInquiry: false,
    orderFormDone: true,
    storeId: 'tokyo',
    ...overrides,
  };
}

/** Inserts orders and returns their ids. */
export function insertOrders(
  sqlite: BetterSqlite3.Database,
  orders: { order?: Partial<NewOrder>; initial?: InitialState }[],
): number[] {
  const writer = new OrderWriter(sqlite);
  return sqlite.transaction(() =>
    orders.map(({ order, initial }) => writer.insert(makeOrder(order), '2026-11-20T03:00:00.000Z', initial)),
  )();
}

/** Two lines of one order: 3 × マグカップ and 1 × 豆皿. */
export const TWO_LINES = [
  { lineNo: 1, sku: 'MG-010', title: 'マグカップ 藍', quantity: 3, unitPrice: 1000, location: 'B-01' },
  { lineNo: 2, sku: 'PL-020', title: '豆皿 白', quantity: 1, unitPrice: 500, location: 'B-02' },
];
