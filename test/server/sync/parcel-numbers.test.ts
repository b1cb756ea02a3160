import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse, WireOp } from '../../../src-shared/sync/protocol.js';
import { BACKENDS, startTestServer, type TestServer } from '../../helpers/central-server.js';
import { makeOrder } from '../../helpers/orders.js';
import { wireOp } from '../../helpers/wire-ops.js';

describe.each(BACKENDS)('tracking numbers pushed to the central server (%s)', (backend) => {
  let s: TestServer;
  let tokyo: string;

  beforeAll(async () => {
    s = await startTestServer(backend);
    await s.addStore('tokyo', '東京店');
    await s.intakeStock([['MG-010', 'tokyo', 100_000]]);
    tokyo = await s.addPc('tokyo', '東京PC');
    // Card payments: the stock check takes them straight to 入金済.
    await s.intake(
      ['PN-1', 'PN-2', 'PN-3'].map((orderNo) => makeOrder({ orderNo, storeId: 'tokyo', paymentMethod: 'credit_card' })),
    );
  }, 60_000);
  afterAll(async () => s?.close());

  const op = (orderNo: string, extra: Record<string, unknown>) => wireOp(orderNo, 'status', extra);
  const push = async (ops: WireOp[]) => (await s.request<PushResponse>(tokyo, 'POST', '/sync/push', { ops })).body;
  const register = (orderNo: string, trackingNo: string) =>
    op(orderNo, { operation: 'register_tracking', trackingNo, carrier: 'yamato' });

  it('refuses a number another parcel waiting to ship holds, in the same push or a later one', async () => {
    await push(['PN-1', 'PN-2', 'PN-3'].map((no) => op(no, { operation: 'stock_ok' })));
    const first = await push([register('PN-1', '555566667777'), register('PN-2', '5555-6666-7777')]);
    expect(first.results.map((r) => r.accepted)).toEqual([true, false]);
    expect(first.results[1]!.reason).toContain('すでに注文 PN-1 に登録されています');
    expect(first.results[1]!.order).toMatchObject({ orderNo: 'PN-2', status: 'paid', trackingNo: null });
    const later = await push([register('PN-3', '555566667777')]);
    expect(later.results[0]).toMatchObject({ accepted: false });
    // Once that parcel has shipped, the number no longer stands in the way on the server.
    await push([op('PN-1', { operation: 'confirm_shipment' })]);
    expect((await push([register('PN-3', '555566667777')])).results[0]).toMatchObject({ accepted: true });
  });
});
