import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rows } from '../../../src-server/db/open.js';
import { refreshMissingStatistics, statisticsRefreshed } from '../../../src-server/db/statistics.js';
import { describeOnBackends, startTestServer, type TestServer } from '../../helpers/central-server.js';

// PGlite runs no autovacuum. Without fresh planner figures after a large stock file, a first
// sync reads every page of stock by scanning and sorting the whole table.
describeOnBackends('planner statistics after a large stock intake', (backend) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(backend);
    await s.addStore('tokyo', '東京店');
  }, 60_000);
  afterAll(async () => s?.close());

  const pagePlan = async () =>
    (
      await rows<{ 'QUERY PLAN': string }>(
        s.server.database.db,
        sql`EXPLAIN SELECT s.seq FROM stock s WHERE s.seq > 10 AND s.seq <= 100000000 ORDER BY s.seq LIMIT 2001`,
      )
    )
      .map((r) => r['QUERY PLAN'])
      .join('\n');

  it('pages 20,000 new stock rows by the change-number index, not by sorting the table', async () => {
    await s.intakeStock(Array.from({ length: 20_000 }, (_, i) => [`ST-${String(i).padStart(5, '0')}`, 'tokyo', i % 9]));
    // On PostgreSQL the refresh runs beside the requests, not in the intake's answer.
    await statisticsRefreshed(s.server.database.db);
    const plan = await pagePlan();
    expect(plan).toMatch(/Index (Only )?Scan using stock_seq_idx/);
    expect(plan).not.toMatch(/Sort/);
  }, 120_000);

  it('on PostgreSQL analyzes a table after an intake only when it has outgrown its figures twice over', async () => {
    if (backend !== 'postgres') return;
    const db = s.server.database.db;
    // Only this server's own refresh may change the figures during the test.
    await db.execute(sql`ALTER TABLE stock SET (autovacuum_enabled = false)`);
    const known = async () =>
      Number((await rows<{ n: number }>(db, sql`SELECT reltuples AS n FROM pg_class WHERE relname = 'stock'`))[0]!.n);
    const intake = async (from: number, count: number) => {
      await s.intakeStock(
        Array.from({ length: count }, (_, i) => [`PG-${String(from + i).padStart(6, '0')}`, 'tokyo', 1]),
      );
      await statisticsRefreshed(db);
    };
    const before = await known();
    // 20,000 rows onto the 20,000 above: within twice the pages the planner knows, no ANALYZE.
    await intake(0, 20_000);
    expect(await known()).toBe(before);
    // 40,000 more: the table is now over twice its known size, so it is analyzed.
    await intake(20_000, 40_000);
    expect(await known()).toBeGreaterThan(before * 3);
    await db.execute(sql`ALTER TABLE stock RESET (autovacuum_enabled)`);
  }, 120_000);

  it('at start analyzes only tables whose figures are missing or out of date', async () => {
    const db = s.server.database.db;
    // The intake above refreshed the figures: a start has nothing to analyze.
    expect(await refreshMissingStatistics(db)).toEqual([]);
    // PostgreSQL's autovacuum may refresh them itself at any moment; PGlite never does.
    if (backend !== 'pglite') return;
    // Rows written without the intake's refresh (a process stopped before it): stock is out of date.
    await db.execute(
      sql`INSERT INTO stock (sku, store_id, on_hand, reserved, updated_at, seq)
          SELECT 'GROW-' || g, 'tokyo', 1, 0, '2026-01-01T00:00:00.000Z', 0 FROM generate_series(1, 60000) g`,
    );
    expect(await refreshMissingStatistics(db)).toEqual(['stock']);
    expect(await refreshMissingStatistics(db)).toEqual([]);
  }, 120_000);
});
