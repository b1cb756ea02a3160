import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse, WireOp } from '../../../src-shared/sync/protocol.js';
import { listenForChanges, type ChangeListener } from '../../helpers/change-listener.js';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { makeOrder } from '../../helpers/orders.js';

/** How long a PC that should not wake is watched after the others woke. */
const QUIET_MS = 2500;

let s: TestServer;
const pcs = {} as Record<'tokyo' | 'osaka' | 'head', { token: string; listener: ChangeListener }>;

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Does `change`, then says who woke (within 2 s each) and checks the others stay asleep. */
async function whoWakes(change: () => Promise<unknown>): Promise<Record<keyof typeof pcs, number | null>> {
  const since = Date.now();
  await change();
  const woke = {} as Record<keyof typeof pcs, number | null>;
  await Promise.all(
    (Object.keys(pcs) as (keyof typeof pcs)[]).map(async (name) => {
      woke[name] = await pcs[name].listener.nextNotice(since, 2000 + QUIET_MS).catch(() => null);
    }),
  );
  return woke;
}

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
    // Let the notices of the registrations above pass before the first test looks.
    await wait(1200);
  }, 60_000);
  afterAll(async () => {
    for (const pc of Object.values(pcs)) pc.listener.close();
    await s.close();
  });

  it("wakes the order's store and head office within 2 s, and not another store", async () => {
    const woke = await whoWakes(() => s.intake([makeOrder({ orderNo: 'SSE-OSAKA-1', storeId: 'osaka' })]));
    expect(woke.osaka).not.toBeNull();
    expect(woke.osaka!).toBeLessThan(2000);
    expect(woke.head).not.toBeNull();
    expect(woke.head!).toBeLessThan(2000);
    expect(woke.tokyo).toBeNull();
  });

  it('wakes only head office for an order with no store yet', async () => {
    const woke = await whoWakes(() => s.intake([makeOrder({ orderNo: 'SSE-NONE-1', storeId: null })]));
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
    const woke = await whoWakes(async () => {
      const pushed = await s.request<PushResponse>(pcs.head.token, 'POST', '/sync/push', { ops: [op] });
      expect(pushed.body.results[0]!.accepted).toBe(true);
    });
    expect(woke.tokyo).not.toBeNull();
    expect(woke.osaka).not.toBeNull();
    expect(woke.head).not.toBeNull();
  });

  it('wakes every PC for a master change', async () => {
    const woke = await whoWakes(() => s.addStore('nagoya', '名古屋店'));
    expect(woke).toEqual({ tokyo: expect.any(Number), osaka: expect.any(Number), head: expect.any(Number) });
  });
});
