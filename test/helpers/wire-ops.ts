import type { WireOp } from '../../src-shared/sync/protocol.js';

let serial = 0;

/**
 * An operation as 東京店's PC sends it in a push: a clerk's change of a Yahoo!ショッピング order,
 * dated by the test servers' clock (TestClock, 2026-11-27), with `extra` for what its kind carries.
 */
export function wireOp(orderNo: string, kind: WireOp['kind'], extra: Record<string, unknown> = {}): WireOp {
  return {
    opId: `test-wire-op-${++serial}`,
    channel: 'yahoo_shopping',
    orderNo,
    kind,
    at: '2026-11-27T01:00:00.000Z',
    actor: { operator: '店員', pcId: 'PC1', storeId: 'tokyo' },
    reason: '',
    from: null,
    to: null,
    ...extra,
  } as WireOp;
}
