import { expect, it } from 'vitest';
import { insertOrders, makeOrder } from '../../helpers/orders.js';
import { reservationViolations, stockOf, stockUp } from '../../helpers/stock.js';
import { useTwoStoreApp } from '../../helpers/use-test-app.js';

const t = useTwoStoreApp((app) => stockUp(app.app.ctx.database.sqlite, 'tokyo', { 'MG-010': 10 }));
const sqlite = () => t.app.ctx.database.sqlite;
const snapshot = () =>
  sqlite()
    .prepare(
      `SELECT (SELECT json_group_array(json_array(id, store_id, bundle_group, version)) FROM orders) AS orders,
         (SELECT count(*) FROM order_history) AS history, (SELECT count(*) FROM sync_outbox) AS outbox,
         (SELECT json_group_array(json_array(order_id, sku, store_id, quantity)) FROM stock_reservations) AS reservations`,
    )
    .get();

/**
 * E5 出荷店舗一括指定 sends an order to another store: on this PC it leaves the list and,
 * once synced, the database. An order holding units of this store's stock, or shipping in a
 * bundle (同梱), must not leave that way.
 */
it('E5 refuses orders that hold stock reservations or belong to a bundle, naming each, and changes none of them', async () => {
  const [reserved, bundledA, bundledB, free] = insertOrders(sqlite(), [
    { order: { orderNo: 'RESERVED' } },
    { order: { orderNo: 'BUNDLE-A', shipTo: makeOrder().shipTo } },
    { order: { orderNo: 'BUNDLE-B', shipTo: makeOrder().shipTo } },
    { order: { orderNo: 'FREE' } },
  ]);
  expect(await t.call('stock:check', { orderIds: [reserved!] })).toMatchObject({ applied: 1 });
  expect(stockOf(sqlite(), 'MG-010')).toEqual({ onHand: 10, reserved: 2 });
  await t.call('bundle:create', { orderIds: [bundledA!, bundledB!] });
  const before = snapshot();

  const refusedOnly = await t.call('bulk:setStore', { orderIds: [reserved!, bundledA!, bundledB!], storeId: 'osaka' });
  expect(refusedOnly).toEqual({
    applied: 0,
    unchanged: 0,
    refusedCount: 3,
    refused: [
      {
        orderId: reserved,
        orderNo: 'RESERVED',
        reason:
          '「東京本店」の在庫を引き当て済みの注文です。出荷店舗を変えると引き当てた在庫が宙に浮くため変更できません。この注文は東京本店から出荷してください（出荷しない場合は注文取消で在庫を戻せます）。',
      },
      {
        orderId: bundledA,
        orderNo: 'BUNDLE-A',
        reason:
          '同梱している注文です。同梱の注文は一緒に出荷するため、出荷店舗を変えるには先に F10 同梱設定で同梱を解除してください。',
      },
      {
        orderId: bundledB,
        orderNo: 'BUNDLE-B',
        reason:
          '同梱している注文です。同梱の注文は一緒に出荷するため、出荷店舗を変えるには先に F10 同梱設定で同梱を解除してください。',
      },
    ],
  });
  expect(snapshot()).toEqual(before);
  // Clearing the store (未指定) would leave the reservation behind just the same.
  expect(await t.call('bulk:setStore', { orderIds: [reserved!, bundledA!], storeId: null })).toMatchObject({
    applied: 0,
    refusedCount: 2,
  });
  expect(snapshot()).toEqual(before);

  // Among other checked orders, only the free one moves; the store it already has is no refusal.
  const mixed = await t.call('bulk:setStore', { orderIds: [reserved!, bundledA!, free!], storeId: 'osaka' });
  expect(mixed).toMatchObject({ applied: 1, unchanged: 0, refusedCount: 2 });
  expect(mixed.refused.map((r) => r.orderNo)).toEqual(['RESERVED', 'BUNDLE-A']);
  expect(await t.call('bulk:setStore', { orderIds: [reserved!, bundledA!], storeId: 'tokyo' })).toMatchObject({
    applied: 0,
    unchanged: 2,
    refusedCount: 0,
  });
  expect(sqlite().prepare('SELECT order_no, store_id FROM orders ORDER BY id').all()).toEqual([
    { order_no: 'RESERVED', store_id: 'tokyo' },
    { order_no: 'BUNDLE-A', store_id: 'tokyo' },
    { order_no: 'BUNDLE-B', store_id: 'tokyo' },
    { order_no: 'FREE', store_id: 'osaka' },
  ]);
  expect(reservationViolations(sqlite())).toEqual([]);
});
