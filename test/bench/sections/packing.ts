import { rmSync } from 'node:fs';
import path from 'node:path';
import type { BenchSection } from '../harness.js';

const SCANS = 21;

/**
 * 検品 on the shared large database: what a packer waits for between one item scan and the
 * tick on screen (the order's lines, their JANs from the stock master, the counts read back
 * from the history, and the history + outbox row written).
 */
export const packingSection: BenchSection = {
  name: 'packing',
  run(env) {
    const app = env.openLargeCopy();
    const { ctx } = app;
    const { sqlite } = ctx.database;
    const actor = ctx.actor();
    const now = new Date();

    const orders = sqlite
      .prepare(
        `SELECT o.id, o.order_no AS orderNo FROM orders o
         WHERE o.status = 'awaiting_shipment' AND o.store_id IS NOT NULL
           AND EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)
         ORDER BY o.id DESC LIMIT ${SCANS}`,
      )
      .all() as { id: number; orderNo: string }[];
    // The demo stock has no JANs: give each line of these orders one, as a stock import would.
    const setJan = sqlite.prepare(
      `UPDATE stock SET jan = ? WHERE sku = ? AND store_id = (SELECT store_id FROM orders WHERE id = ?)`,
    );
    const firstItem = sqlite.prepare('SELECT sku FROM order_items WHERE order_id = ? ORDER BY line_no LIMIT 1').pluck();
    const scans: number[] = [];
    for (const [i, order] of orders.entries()) {
      const sku = firstItem.get(order.id) as string;
      const jan = `49${String(1_000_000_000 + i).padStart(11, '0')}`;
      setJan.run(jan, sku, order.id);
      const opened = ctx.services.packing.open(order.orderNo);
      let outcome = '';
      scans.push(
        env.time(() => {
          outcome = ctx.services.packing.scan(opened.orderId, jan, actor, now).outcome;
        }),
      );
      if (outcome !== 'ticked' && outcome !== 'complete')
        throw new Error(`packing scan of ${order.orderNo}: ${outcome}`);
    }
    scans.sort((a, b) => a - b);

    const dir = path.dirname(ctx.database.file);
    app.close();
    rmSync(dir, { recursive: true, force: true });
    return [
      {
        name: `検品 item scan to tick, one order (median of ${scans.length})`,
        value: scans[Math.floor(scans.length / 2)] ?? 0,
        unit: 'ms',
        target: { op: '<', value: 50 },
        note: `slowest ${(scans.at(-1) ?? 0).toFixed(1)} ms`,
      },
    ];
  },
};
