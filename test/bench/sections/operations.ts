import { rmSync } from 'node:fs';
import path from 'node:path';
import type { BenchSection, Measurement } from '../harness.js';

/**
 * The day's operations on the shared large database. They have no targets: these are the
 * figures to report. Stock checks and bundle searches are what
 * a clerk waits for; the scan is what a packer waits for between two parcels.
 */
export const operationsSection: BenchSection = {
  name: 'operations',
  run(env) {
    const out: Measurement[] = [];
    const app = env.openLargeCopy();
    const { ctx } = app;
    const { sqlite } = ctx.database;
    const actor = ctx.actor();
    const now = new Date();

    const ids = sqlite
      .prepare("SELECT id FROM orders WHERE status = 'new' AND store_id IS NOT NULL ORDER BY ordered_at LIMIT 1000")
      .pluck()
      .all() as number[];
    let check = { applied: 0, shortages: [] as unknown[], refused: [] as unknown[] };
    const checkMs = env.time(() => {
      check = ctx.services.stock.check(ids, actor, now);
    });
    out.push({
      name: `F11 stock check of ${ids.length.toLocaleString()} orders (reserve + status + history + outbox)`,
      value: checkMs,
      unit: 'ms',
      note: `${check.applied} in stock, ${check.shortages.length} short, ${check.refused.length} refused`,
    });
    const shortIds = (check.shortages as { orderId: number }[]).map((s) => s.orderId);
    if (shortIds.length > 0) {
      out.push({
        name: `欠品登録 of ${shortIds.length.toLocaleString()} orders`,
        value: env.time(() => ctx.services.stock.registerShortage(shortIds, actor, now)),
        unit: 'ms',
      });
    }

    const open = sqlite
      .prepare(
        "SELECT count(*) FROM orders WHERE status IN ('new', 'stock_confirmed', 'out_of_stock', 'paid', 'awaiting_shipment')",
      )
      .pluck()
      .get() as number;
    let found = { totalGroups: 0 };
    out.push({
      name: `F10 bundle candidates, every open order (${open.toLocaleString()})`,
      value: env.median(() => {
        found = ctx.services.bundles.candidates(undefined, 200);
      }, 3),
      unit: 'ms',
      note: `${found.totalGroups.toLocaleString()} groups`,
    });
    const checked = ids.slice(0, 100);
    out.push({
      name: 'F10 bundle candidates of 100 checked orders',
      value: env.median(() => ctx.services.bundles.candidates(checked, 200), 3),
      unit: 'ms',
    });

    const tracking = sqlite
      .prepare(
        "SELECT tracking_no FROM orders WHERE status = 'awaiting_shipment' AND tracking_no IS NOT NULL AND bundle_group IS NULL LIMIT 21",
      )
      .pluck()
      .all() as string[];
    const scans = tracking.map((code) => env.time(() => ctx.services.scanner.scan(code.replace(/-/g, ''), actor, now)));
    scans.sort((a, b) => a - b);
    out.push({
      name: 'scan to 出荷確定, one parcel (median of 21)',
      value: scans[Math.floor(scans.length / 2)] ?? 0,
      unit: 'ms',
    });

    // 注文分割: one unit of a multi-unit line moves to a new order (<no>-2), reservations with it.
    const splittable = sqlite
      .prepare(
        `SELECT i.order_id AS orderId, i.line_no AS lineNo FROM order_items i JOIN orders o ON o.id = i.order_id
         WHERE i.quantity >= 2 AND o.status IN ('new', 'stock_confirmed', 'paid') AND o.bundle_group IS NULL LIMIT 21`,
      )
      .all() as { orderId: number; lineNo: number }[];
    const splits = splittable.map(({ orderId, lineNo }) =>
      env.time(() => ctx.services.splits.split({ orderId, lines: [{ lineNo, quantity: 1 }] }, actor, now)),
    );
    splits.sort((a, b) => a - b);
    out.push({
      name: `注文分割 of one order (median of ${splits.length})`,
      value: splits[Math.floor(splits.length / 2)] ?? 0,
      unit: 'ms',
    });

    const dir = path.dirname(ctx.database.file);
    app.close();
    rmSync(dir, { recursive: true, force: true });
    return out;
  },
};
