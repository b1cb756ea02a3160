import { sql } from 'drizzle-orm';
import type { AccountView } from '../../src-server/channels/accounts.js';
import type { RunResult } from '../../src-server/channels/scheduler.js';
import { jsonRows } from '../../src-server/db/open.js';
import type { PushResponse, WireOpOf } from '../../src-shared/sync/protocol.js';

type StatusOp = WireOpOf<'status'>;
import type { TestServer } from './central-server.js';

/** Short waits for tests: the fakes answer at once, and a failed read is retried within milliseconds. */
export const FAST_RETRY = { timeoutMs: 2_000, backoffMs: 20, attempts: 4 };

export async function addAccount(
  server: TestServer,
  input: { channel: string; name?: string; storeId?: string | null; settings: object; credentials: object },
): Promise<AccountView> {
  const r = await server.request<AccountView & { error?: string }>(
    server.adminToken,
    'POST',
    '/admin/channels/accounts',
    {
      name: `${input.channel} テスト店`,
      storeId: 'tokyo',
      ...input,
      settings: { retry: FAST_RETRY, ...input.settings },
    },
  );
  if (r.status !== 200) throw new Error(`add account: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function runAccount(server: TestServer, id: number): Promise<RunResult> {
  const r = await server.request<RunResult>(server.adminToken, 'POST', `/admin/channels/accounts/${id}/run`);
  if (r.status !== 200) throw new Error(`run: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function accountView(server: TestServer, id: number): Promise<AccountView> {
  return (await server.request<AccountView>(server.adminToken, 'GET', `/admin/channels/accounts/${id}`)).body;
}

export interface ServerOrder {
  id: number;
  orderNo: string;
  status: string;
  storeId: string | null;
  shipNotice: string | null;
  channelNote: string;
  total: number;
  discount: number;
  shippingFee: number;
  codFee: number;
  paymentMethod: string;
  orderComment: string;
  shipName: string;
  shipPostalCode: string;
  shipAddress1: string;
  buyerName: string;
  deliveryDate: string;
  deliveryTimeSlot: string;
  deliveryMethod: string;
}

export async function serverOrders(server: TestServer, channel: string): Promise<Map<string, ServerOrder>> {
  const found = await jsonRows<ServerOrder>(
    server.server.database.db,
    sql`SELECT id, order_no AS "orderNo", status, store_id AS "storeId", ship_notice AS "shipNotice",
          channel_note AS "channelNote", total, discount, shipping_fee AS "shippingFee", cod_fee AS "codFee",
          payment_method AS "paymentMethod", order_comment AS "orderComment", ship_name AS "shipName",
          ship_postal_code AS "shipPostalCode", ship_address1 AS "shipAddress1", buyer_name AS "buyerName",
          delivery_date AS "deliveryDate", delivery_time_slot AS "deliveryTimeSlot", delivery_method AS "deliveryMethod"
        FROM orders WHERE channel = ${channel} ORDER BY id`,
  );
  return new Map(found.map((o) => [o.orderNo, o]));
}

let opSerial = 0;

/** Puts an order's SKUs in stock at its store: the server reserves a pushed 在庫確認 from its own stock. */
export async function stockUp(server: TestServer, channel: string, orderNo: string): Promise<void> {
  const lines = await jsonRows<{ sku: string; storeId: string }>(
    server.server.database.db,
    sql`SELECT DISTINCT i.sku, o.store_id AS "storeId" FROM order_items i JOIN orders o ON o.id = i.order_id
        WHERE o.channel = ${channel} AND o.order_no = ${orderNo}`,
  );
  await server.intakeStock(lines.map((l): [string, string, number] => [l.sku, l.storeId, 1_000]));
}

/** A store PC's way to ship an order: stock ok, tracking registered, 出荷確定 — pushed as the PC would. */
export async function shipFromPc(
  server: TestServer,
  pcToken: string,
  channel: string,
  orderNo: string,
  tracking: { carrier: string; trackingNo: string },
): Promise<PushResponse> {
  const op = (operation: StatusOp['operation'], extra: Partial<StatusOp> = {}): StatusOp => ({
    opId: `test-op-${Date.now()}-${++opSerial}`,
    channel: channel as StatusOp['channel'],
    orderNo,
    kind: 'status',
    at: new Date().toISOString(),
    actor: { operator: '出荷担当', pcId: 'PC1', storeId: 'tokyo' },
    reason: '',
    from: null,
    to: null,
    operation,
    ...extra,
  });
  await stockUp(server, channel, orderNo);
  const r = await server.request<PushResponse>(pcToken, 'POST', '/sync/push', {
    ops: [op('stock_ok'), op('confirm_payment'), op('register_tracking', tracking), op('confirm_shipment')],
  });
  if (r.status !== 200) throw new Error(`push: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}
