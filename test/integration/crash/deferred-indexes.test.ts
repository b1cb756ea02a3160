import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withDeferredIndexes } from '../../../src-main/db/bulk-load.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { checkInvariants } from './invariants.js';

let dir: string;
let t: TestApp;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-deferred-'));
  t = createTestApp({ dir });
});
afterEach(() => {
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

const indexNames = () =>
  t.app.ctx.database.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders' ORDER BY name").pluck().all();

describe('bulk load with deferred indexes', () => {
  it('gets its dropped indexes back at the next start when the process died mid-load', () => {
    const before = indexNames();
    const { sqlite } = t.app.ctx.database;
    // Simulate the kill: the load never returns, so its own clean-up never runs.
    const killed = new Error('killed');
    const original = sqlite.transaction.bind(sqlite);
    let calls = 0;
    sqlite.transaction = ((fn: () => unknown) => {
      calls += 1;
      if (calls === 2) throw killed; // the rebuild transaction, after the load
      return original(fn);
    }) as typeof sqlite.transaction;
    expect(() => withDeferredIndexes(sqlite, ['orders', 'order_items'], () => undefined)).toThrow(killed);
    sqlite.transaction = original;
    expect(indexNames().length).toBeLessThan(before.length);
    t.close();
    t = createTestApp({ dir });
    expect(indexNames()).toEqual(before);
    expect(checkInvariants(t.app.ctx.database.sqlite)).toEqual([]);
  });
});
