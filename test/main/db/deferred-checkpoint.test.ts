import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LARGE_CHANGE, withDeferredCheckpoint } from '../../../src-main/db/deferred-checkpoint.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

const autocheckpoint = () => t.app.ctx.database.sqlite.pragma('wal_autocheckpoint', { simple: true });

describe('large changes leave the WAL checkpoint until after the answer', () => {
  it('turns the automatic checkpoint off only for a large change, and back on after it, even when it fails', () => {
    const { sqlite } = t.app.ctx.database;
    const before = autocheckpoint();
    expect(withDeferredCheckpoint(sqlite, LARGE_CHANGE - 1, () => autocheckpoint())).toBe(before);
    expect(withDeferredCheckpoint(sqlite, LARGE_CHANGE, () => autocheckpoint())).toBe(0);
    expect(autocheckpoint()).toBe(before);
    expect(() =>
      withDeferredCheckpoint(sqlite, LARGE_CHANGE, () => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(autocheckpoint()).toBe(before);
  });

  it('copies the change into the database file shortly after', async () => {
    const { sqlite } = t.app.ctx.database;
    withDeferredCheckpoint(sqlite, LARGE_CHANGE, () =>
      sqlite.exec("INSERT INTO meta (key, value) VALUES ('checkpoint-test', 'x')"),
    );
    const [pending] = sqlite.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[];
    expect(pending!.log).toBeGreaterThan(pending!.checkpointed);
    await vi.waitFor(
      () => {
        const [after] = sqlite.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[];
        expect(after!.checkpointed).toBe(after!.log);
      },
      { timeout: 5_000, interval: 25 },
    );
  });
});
