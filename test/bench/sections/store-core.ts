import { rmSync } from 'node:fs';
import path from 'node:path';
import { TABS } from '../../../src-shared/domain/status.js';
import { reminderCutoffs } from '../../../src-main/orders/reminder-cutoffs.js';
import type { BenchSection, Measurement } from '../harness.js';
import { openApp } from '../harness.js';

/**
 * Issue 2's targets on the shared large database: tab counts, first rows of every tab,
 * a bulk status change of 10,000 orders, and start-up (open + migrate + first counts).
 */
export const storeCore: BenchSection = {
  name: 'store-core',
  run(env) {
    const out: Measurement[] = [];
    const app = env.openLargeCopy();
    const { ctx } = app;
    const cutoffs = reminderCutoffs(ctx);
    out.push({
      name: 'all tab counts',
      value: env.median(() => ctx.services.orders.counts(cutoffs), 15),
      unit: 'ms',
      target: { op: '<', value: 20 },
    });
    let worst = 0;
    let worstTab = '';
    for (const tab of TABS) {
      const ms = env.median(() => ctx.services.orders.list({ tab, offset: 0, limit: 100 }, cutoffs), 5);
      if (ms > worst) [worst, worstTab] = [ms, tab];
    }
    out.push({
      name: 'first 100 rows, slowest tab',
      value: worst,
      unit: 'ms',
      target: { op: '<', value: 50 },
      note: worstTab,
    });

    const ids = ctx.database.sqlite
      .prepare("SELECT id FROM orders WHERE status = 'new' LIMIT 10000")
      .pluck()
      .all() as number[];
    const actor = ctx.actor();
    const bulk = env.time(() =>
      ctx.services.status.apply(
        { orderIds: ids, operation: 'bulk_set_status', target: 'cancelled' },
        actor,
        new Date(),
      ),
    );
    out.push({
      name: `bulk status change of ${ids.length.toLocaleString()} orders (history + outbox)`,
      value: bulk,
      unit: 'ms',
      target: { op: '<', value: 1000 },
    });
    // The change's WAL checkpoint runs after the answer (db/deferred-checkpoint.ts): timed
    // here on its own, so that the floor below starts from an empty WAL too.
    out.push({
      name: 'then the WAL checkpoint, after the answer',
      value: env.time(() => ctx.database.sqlite.pragma('wal_checkpoint(TRUNCATE)')),
      unit: 'ms',
    });

    // The floor: the same writes as plain better-sqlite3 statements in one transaction.
    const floorIds = ctx.database.sqlite
      .prepare("SELECT id FROM orders WHERE status = 'shipped' LIMIT ?")
      .pluck()
      .all(ids.length) as number[];
    const sqlite = ctx.database.sqlite;
    const upd = sqlite.prepare("UPDATE orders SET status = 'cancelled', updated_at = ? WHERE id = ?");
    const hist = sqlite.prepare(
      "INSERT INTO order_history (order_id, at, actor, pc_id, kind) VALUES (?, ?, 'bench', 'bench', 'status')",
    );
    const outbox = sqlite.prepare(
      "INSERT INTO sync_outbox (op_id, entity, entity_id, kind, payload, created_at) VALUES (?, 'order', ?, 'status', '{}', ?)",
    );
    const floor = env.time(() =>
      sqlite.transaction(() => {
        const at = new Date().toISOString();
        for (const id of floorIds) {
          upd.run(at, id);
          hist.run(id, at);
          outbox.run(`floor-${id}`, String(id), at);
        }
      })(),
    );
    out.push({ name: 'same writes raw (floor)', value: floor, unit: 'ms' });
    out.push({ name: 'bulk change cost vs raw floor', value: bulk / floor, unit: 'x' });
    const dir = path.dirname(ctx.database.file);
    app.close();

    const startup = env.median(() => {
      const again = openApp(dir);
      again.ctx.services.orders.counts(reminderCutoffs(again.ctx));
      again.close();
    }, 5);
    out.push({
      name: 'start-up (open + migrate check + first counts)',
      value: startup,
      unit: 'ms',
      target: { op: '<', value: 500 },
    });
    rmSync(dir, { recursive: true, force: true });
    return out;
  },
};
