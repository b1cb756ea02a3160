import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { FAMILY_NAMES, GIVEN_NAMES, PLACES, PRODUCTS } from '../../src-main/demo/vocabulary.js';
import { openServerDatabase } from '../../src-server/db/open.js';
import { seedDefaultMasters } from '../../src-server/sync/masters.js';
import { BENCH_ROOT, type Measurement } from './harness.js';

const CHUNK = 100_000;

/**
 * A central server database (embedded PGlite, as `npm run server` keeps it) holding `orders`
 * orders with their items and intake history, made once and kept in the bench folder like the
 * store's large database (`--fresh` makes it again). It is written by set-based SQL from the
 * demo vocabulary: the intake path would take most of an hour for a million. Orders carry
 * no stored wire text; the server builds it when a PC pulls them.
 */
export async function ensureServerDatabase(
  orders: number,
  fresh: boolean,
): Promise<{ dir: string; seed: Measurement }> {
  const root = path.join(BENCH_ROOT, `server-${orders}`);
  const dir = path.join(root, 'db');
  const marker = path.join(root, 'seed.json');
  if (!fresh && existsSync(marker))
    return {
      dir,
      seed: { ...(JSON.parse(readFileSync(marker, 'utf8')) as Measurement), note: 'cached from an earlier run' },
    };
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const start = performance.now();
  const database = await openServerDatabase({ dataDir: dir });
  const { db } = database;
  await seedDefaultMasters(db);
  await db.execute(
    sql`INSERT INTO stores (id, name, created_at) VALUES ('bench', 'ベンチ店', now()::text) ON CONFLICT DO NOTHING`,
  );
  const names = JSON.stringify(FAMILY_NAMES.flatMap(([f]) => GIVEN_NAMES.map(([g]) => `${f} ${g}`)));
  const places = JSON.stringify(PLACES);
  const products = JSON.stringify(PRODUCTS);
  const channels = JSON.stringify(['yahoo_auction', 'yahoo_shopping', 'amazon', 'rakuten', 'own']);
  for (let from = 1; from <= orders; from += CHUNK) {
    const to = Math.min(orders, from + CHUNK - 1);
    await db.execute(sql`
      INSERT INTO orders (channel, order_no, ordered_at, buyer_name, buyer_email, buyer_phone, ship_name, ship_postal_code,
        ship_prefecture, ship_address1, ship_phone, payment_method, needs_payment, subtotal, shipping_fee, total, store_id,
        status, shipped_at, created_at, updated_at, seq)
      SELECT c.channel, 'SEED-' || lpad(g::text, 8, '0'), at, n.name, 'buyer' || g || '@example.jp',
        '090-' || lpad((g % 10000)::text, 4, '0') || '-' || lpad(((g * 7) % 10000)::text, 4, '0'), n.name, p.place->>2,
        p.place->>0, (p.place->>1) || (1 + g % 5) || '丁目' || (1 + g % 20) || '番', '090-0000-0000',
        CASE WHEN g % 10 = 0 THEN 'cod' WHEN g % 10 = 1 THEN 'bank_transfer' ELSE 'credit_card' END, g % 10 = 1,
        s.subtotal, 600, s.subtotal + 600, 'bench',
        CASE WHEN g % 100 < 70 THEN 'shipped' WHEN g % 100 < 80 THEN 'new' WHEN g % 100 < 90 THEN 'paid' ELSE 'cancelled' END,
        CASE WHEN g % 100 < 70 THEN at END, at, at, g
      FROM generate_series(${from}::int, ${to}::int) g
      CROSS JOIN LATERAL (SELECT (now() - ((g % 365) || ' days')::interval)::timestamptz AT TIME ZONE 'UTC' AS ts) t
      CROSS JOIN LATERAL (SELECT to_char(t.ts, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at) a
      CROSS JOIN LATERAL (SELECT ${channels}::jsonb->>(g % 5) AS channel) c
      CROSS JOIN LATERAL (SELECT ${names}::jsonb->>((g * 31) % jsonb_array_length(${names}::jsonb)) AS name) n
      CROSS JOIN LATERAL (SELECT ${places}::jsonb->((g * 17) % jsonb_array_length(${places}::jsonb)) AS place) p
      CROSS JOIN LATERAL (
        SELECT sum((${products}::jsonb->((g + l) % jsonb_array_length(${products}::jsonb))->>2)::int * (1 + l % 2))::int AS subtotal
        FROM generate_series(1, 1 + g % 3) l) s`);
    await db.execute(sql`
      INSERT INTO order_items (order_id, line_no, sku, title, quantity, unit_price, location)
      SELECT o.id, l, pr->>0, pr->>1, 1 + l % 2, (pr->>2)::int, pr->>3
      FROM orders o CROSS JOIN LATERAL generate_series(1, 1 + o.seq::int % 3) l
      CROSS JOIN LATERAL (SELECT ${products}::jsonb->((o.seq::int + l) % jsonb_array_length(${products}::jsonb)) AS pr) x
      WHERE o.seq BETWEEN ${from} AND ${to}`);
    await db.execute(sql`
      INSERT INTO order_history (order_id, seq, at, actor, pc_id, kind, to_value)
      SELECT id, seq, created_at, '受注取込（ベンチ）', 'server', 'intake', 'new' FROM orders WHERE seq BETWEEN ${from} AND ${to}`);
  }
  await db.execute(sql`UPDATE sync_state SET last_seq = ${orders} WHERE id = 1`);
  await db.execute(sql`ANALYZE`);
  await database.close();
  const seed: Measurement = {
    name: `seed a central server (PGlite) with ${orders.toLocaleString()} orders`,
    value: (performance.now() - start) / 1000,
    unit: 's',
  };
  writeFileSync(marker, JSON.stringify(seed));
  return { dir, seed };
}
