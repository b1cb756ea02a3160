import { rmSync } from 'node:fs';
import path from 'node:path';
import { TABS } from '../../../src-shared/domain/status.js';
import { reminderCutoffs } from '../../../src-main/orders/reminder-cutoffs.js';
import { withDeferredCheckpoint } from '../../../src-main/db/deferred-checkpoint.js';
import type { BenchSection, Measurement } from '../harness.js';
import { openApp } from '../harness.js';
import { measureWriteFigure } from '../write-figure.js';

const BULK_ORDERS = 10_000;

/**
 * The store PC's core figures on the shared large database: tab counts, first rows of every
 * tab and start-up on a warm copy; a bulk status change of 10,000 orders (history + outbox)
 * against its floor, cold and warm.
 */
export const storeCore: BenchSection = {
  name: 'store-core',
  async run(env) {
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

    out.push(
      ...(await measureWriteFigure(env, {
        name: `bulk status change of ${BULK_ORDERS.toLocaleString()} 新規 orders to キャンセル (history + outbox)`,
        unit: 'ms',
        target: 1000,
        ratioTarget: 1.5,
        afterStartupRead: true,
        prepare: ({ ctx }) => {
          const ids = ctx.database.sqlite
            .prepare("SELECT id FROM orders WHERE status = 'new' ORDER BY ordered_at LIMIT ?")
            .pluck()
            .all(BULK_ORDERS) as number[];
          // One order's outbox payload as the engine writes it: the floor writes one as long per order.
          const payload = JSON.stringify({
            orderNo: 'x'.repeat(20),
            operation: 'bulk_set_status',
            from: 'new',
            to: 'cancelled',
            reason: '',
            at: new Date().toISOString(),
            actor: ctx.actor(),
          });
          return { ids, payload };
        },
        run: ({ ctx }, { ids }) => {
          const result = ctx.services.status.apply(
            { orderIds: ids, operation: 'bulk_set_status', target: 'cancelled' },
            ctx.actor(),
            new Date(),
          );
          if (result.applied !== ids.length) throw new Error(`applied ${result.applied} of ${ids.length}`);
        },
        // The floor: the same rows and columns written by plain prepared statements, in id
        // order (the cheapest order for SQLite), in one transaction with the same checkpoint rule.
        floor: ({ ctx }, { ids, payload }) => {
          const { sqlite } = ctx.database;
          const actor = ctx.actor();
          const update = sqlite.prepare(
            `UPDATE orders SET status = 'cancelled', mail_pending = 0, updated_at = ?, version = version + 1,
               cancelled_at = ?, cancel_reason = '' WHERE id = ?`,
          );
          const history = sqlite.prepare(
            `INSERT INTO order_history (order_id, at, actor, store_id, pc_id, kind, from_value, to_value, reason)
             VALUES (?, ?, ?, ?, ?, 'status', 'new', 'cancelled', '')`,
          );
          const outbox = sqlite.prepare(
            `INSERT INTO sync_outbox (op_id, entity, entity_id, kind, payload, created_at) VALUES (?, 'order', ?, 'status', ?, ?)`,
          );
          const sorted = [...ids].sort((a, b) => a - b);
          withDeferredCheckpoint(sqlite, sorted.length, () =>
            sqlite.transaction(() => {
              const at = new Date().toISOString();
              for (const id of sorted) {
                update.run(at, at, id);
                history.run(id, at, actor.operator, actor.storeId, actor.pcId);
                outbox.run(`floor-${String(id).padStart(26, '0')}`, String(id), payload, at);
              }
            })(),
          );
        },
      })),
    );
    return out;
  },
};
