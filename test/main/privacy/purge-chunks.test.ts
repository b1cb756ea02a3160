import { afterEach, expect, it } from 'vitest';
import { nextPurgeStep, purgeLocalPii, startPiiPurge } from '../../../src-main/privacy/purge.js';
import { insertOrders } from '../../helpers/orders.js';
import { dueAmazonOrders, shippedLongAgo } from '../../helpers/purge.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { documentsDir } from '../../../src-main/printing/documents.js';

let t: TestApp;
afterEach(() => t.close());

it('purges every due Amazon order across many chunks, and nothing else', () => {
  t = createTestApp();
  const sqlite = t.app.ctx.database.sqlite;
  insertOrders(sqlite, [
    ...Array.from({ length: 1234 }, () => ({ order: { channel: 'amazon' as const }, initial: shippedLongAgo })),
    ...Array.from({ length: 10 }, () => ({ order: { channel: 'rakuten' as const }, initial: shippedLongAgo })),
  ]);
  const result = purgeLocalPii(sqlite, t.clock.now(), t.app.ctx.actor(), [documentsDir(t.app.ctx)]);
  expect(result.orders).toBe(1234);
  const left = sqlite
    .prepare("SELECT channel, count(*) AS n FROM orders WHERE buyer_name <> '' GROUP BY channel")
    .all();
  expect(left).toEqual([{ channel: 'rakuten', n: 10 }]);
  expect(purgeLocalPii(sqlite, t.clock.now(), t.app.ctx.actor(), [documentsDir(t.app.ctx)]).orders).toBe(0);
});

it('the scheduled purge works in steps and leaves the event loop free between them', async () => {
  t = createTestApp();
  const purged = dueAmazonOrders(t.app.ctx.database.sqlite, 1600);
  let ticks = 0;
  const ticker = setInterval(() => (ticks += 1), 0);
  const stop = startPiiPurge(t.app.ctx, 86_400_000);
  await expect.poll(purged, { timeout: 15_000 }).toBe(1600);
  clearInterval(ticker);
  stop();
  expect(ticks).toBeGreaterThan(3);
});

/** Keeps this thread busy for `ms`, in slices of 10 ms with the event loop turning between them. */
function busyFor(ms: number): Promise<void> {
  const end = performance.now() + ms;
  return new Promise((done) => {
    const slice = () => {
      const until = Math.min(end, performance.now() + 10);
      while (performance.now() < until);
      if (performance.now() < end) setImmediate(slice);
      else done();
    };
    slice();
  });
}

/**
 * 3,000 due orders and the scheduled purge, from its first step (3 s after the start): how
 * many it erased while `work` ran — at most the step under way and the one whose rest had
 * begun (steps start at 20 orders and at most double), where taking its quarter of the
 * thread it would erase every order in that time — and then that it goes on to the end.
 */
async function purgedWhile(work: () => Promise<void>): Promise<void> {
  t = createTestApp();
  const purged = dueAmazonOrders(t.app.ctx.database.sqlite, 3000);
  const stop = startPiiPurge(t.app.ctx, 86_400_000);
  await expect.poll(purged, { timeout: 15_000, interval: 5 }).toBeGreaterThan(0);
  const before = purged();
  await work();
  expect(purged() - before).toBeLessThanOrEqual(80);
  await expect.poll(purged, { timeout: 30_000 }).toBe(3000);
  stop();
}

it('the scheduled purge waits while other work keeps the thread busy, and goes on once it is free', async () => {
  // Two seconds of a clerk's batch on this thread.
  await purgedWhile(() => busyFor(2000));
});

it('the scheduled purge takes no step while a screen keeps calling, and goes on once the calls stop', async () => {
  // Two seconds of a clerk clicking from tab to tab: a call every 200 ms, the thread mostly idle.
  await purgedWhile(async () => {
    const end = performance.now() + 2000;
    while (performance.now() < end) {
      await t.call('orders:counts', {});
      await new Promise((r) => setTimeout(r, 200));
    }
  });
});

it('sizes each scheduled step by the time the last one took, so a click never waits long behind it', () => {
  // 20 orders in 5 ms: the next step may be larger, at most twice as large.
  expect(nextPurgeStep(20, 5)).toBe(40);
  // 100 orders in 50 ms: aimed at 25 ms, 50 orders.
  expect(nextPurgeStep(100, 50)).toBe(50);
  // A step that took far too long (the search index's deletions piling up) halves the next, no more.
  expect(nextPurgeStep(100, 1500)).toBe(50);
  expect(nextPurgeStep(1, 1500)).toBe(1);
  // Never more than 500 orders, however quick.
  expect(nextPurgeStep(400, 1)).toBe(500);
});
