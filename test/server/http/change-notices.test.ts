import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse, WireOp } from '../../../src-shared/sync/protocol.js';
import { lastChange } from '../../../src-server/db/changes.js';
import {
  listenForChanges,
  settle,
  whoWakes,
  type ChangeListener,
  type WakeProbe,
} from '../../helpers/change-listener.js';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { makeOrder } from '../../helpers/orders.js';

let s: TestServer;
const pcs = {} as Record<'tokyo' | 'osaka' | 'head', { token: string; listener: ChangeListener }>;
let markers = 0;

function probe(): WakeProbe<keyof typeof pcs> {
  return {
    listeners: { tokyo: pcs.tokyo.listener, osaka: pcs.osaka.listener, head: pcs.head.listener },
    lastChange: () => lastChange(s.server.database.db),
    marker: () => s.addStore(`marker-${++markers}`, `目印${markers}`),
  };
}

/** Who `change` woke and after how many ms; head office wakes for every change tested here. */
const wakes = (change: () => Promise<unknown>) => whoWakes(probe(), 'head', change);

describe('change notices reach only the PCs that can see the change', () => {
  beforeAll(async () => {
    s = await startTestServer('pglite');
    await s.addStore('honbu', '本部', true);
    await s.addStore('tokyo', '東京店');
    await s.addStore('osaka', '大阪店');
    for (const [name, store] of [
      ['tokyo', 'tokyo'],
      ['osaka', 'osaka'],
      ['head', 'honbu'],
    ] as const) {
      const token = await s.addPc(store, `${name}-PC`);
      pcs[name] = { token, listener: await listenForChanges(s.url, token) };
    }
    // The registrations above are told before the first test looks.
    await settle(probe());
  }, 60_000);
  afterAll(async () => {
    for (const pc of Object.values(pcs)) pc.listener.close();
    await s.close();
  });

  it("wakes the order's store and head office within 2 s, and not another store", async () => {
    const woke = await wakes(() => s.intake([makeOrder({ orderNo: 'SSE-OSAKA-1', storeId: 'osaka' })]));
    expect(woke.osaka).not.toBeNull();
    expect(woke.osaka!).toBeLessThan(2000);
    expect(woke.head).not.toBeNull();
    expect(woke.head!).toBeLessThan(2000);
    expect(woke.tokyo).toBeNull();
  });

  it('wakes only head office for an order with no store yet', async () => {
    const woke = await wakes(() => s.intake([makeOrder({ orderNo: 'SSE-NONE-1', storeId: null })]));
    expect(woke.head).not.toBeNull();
    expect(woke.tokyo).toBeNull();
    expect(woke.osaka).toBeNull();
  });

  it('wakes both stores when an order moves from one to the other', async () => {
    const op: WireOp = {
      opId: 'sse-move-0001',
      channel: 'yahoo_shopping',
      orderNo: 'SSE-OSAKA-1',
      kind: 'store',
      at: s.clock.now().toISOString(),
      actor: { operator: '本部', pcId: 'head-PC', storeId: 'honbu' },
      reason: '',
      from: 'osaka',
      to: 'tokyo',
      fields: { storeId: 'tokyo' },
    };
    const woke = await wakes(async () => {
      const pushed = await s.request<PushResponse>(pcs.head.token, 'POST', '/sync/push', { ops: [op] });
      expect(pushed.body.results[0]!.accepted).toBe(true);
    });
    expect(woke.tokyo).not.toBeNull();
    expect(woke.osaka).not.toBeNull();
    expect(woke.head).not.toBeNull();
  });

  it('wakes every PC for a master change', async () => {
    const woke = await wakes(() => s.addStore('nagoya', '名古屋店'));
    expect(woke).toEqual({ tokyo: expect.any(Number), osaka: expect.any(Number), head: expect.any(Number) });
  });
});
