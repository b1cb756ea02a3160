import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { hashToken } from '../../../src-server/auth.js';
import { PGLITE_EXTENSIONS, SERVER_MIGRATIONS } from '../../../src-server/db/open.js';
import type { PullResponse } from '../../../src-shared/sync/protocol.js';
import {
  freshPostgres,
  startTestServer,
  type Backend,
  type PostgresDatabase,
  type TestServer,
} from '../../helpers/central-server.js';
import { migrationsUpTo, migrationTags } from '../../helpers/migrations.js';
import { copyPgliteTemplate } from '../../helpers/server-templates.js';
import { makeOrder } from '../../helpers/orders.js';
import { closePc, connectedPc, localId, localStatus } from '../../helpers/sync-pcs.js';
import type { TestApp } from '../../helpers/test-app.js';

/**
 * The central server updated from any earlier version keeps serving what it held: for every
 * schema version k of drizzle-server/, a database made by the first k migrations (PGlite, and
 * PostgreSQL where there is one) and filled in that version's shape opens with the latest
 * server; the old PC tokens still work, old orders pull exactly like new ones, and a store PC
 * syncs them and changes them.
 */
const TAGS = migrationTags(SERVER_MIGRATIONS);
const OLD_TOKEN = 'chm_token-of-a-pc-registered-before-the-update';
const AT = '2026-11-20T01:00:00.000Z';

/** A database connection's query, as PGlite and node-postgres both spell it. */
type Query = <T>(text: string, params?: unknown[]) => Promise<{ rows: T[] }>;

/** The first k migrations applied to an empty database, on PGlite in `dir` or on a PostgreSQL database. */
async function oldSchema(backend: Backend, k: number, dir: string, postgres: PostgresDatabase | null) {
  const migrationsFolder = migrationsUpTo(SERVER_MIGRATIONS, k, path.join(dir, 'migrations'));
  if (backend === 'pglite') {
    const data = path.join(dir, 'data');
    copyPgliteTemplate(data, { migrated: false });
    const client = new PGlite(data, { extensions: PGLITE_EXTENSIONS });
    await migratePglite(drizzlePglite(client), { migrationsFolder });
    return { query: client.query.bind(client) as Query, close: () => client.close() };
  }
  const client = new pg.Client({ connectionString: postgres!.url });
  await client.connect();
  await migratePg(drizzlePg(client), { migrationsFolder });
  return { query: client.query.bind(client) as Query, close: () => client.end() };
}

/**
 * What a server of that version held: its identity and change counter, two stores, a master
 * row, a registered PC, two orders with items and history (columns every version has).
 */
async function fillOldServer(query: Query): Promise<void> {
  await query('BEGIN');
  await query(`INSERT INTO sync_state (id, server_id, last_seq) VALUES (1, 'server-before-update', 4)`);
  await query(
    `INSERT INTO stores (id, name, is_head_office, created_at) VALUES ('honbu', '本部', true, $1), ('tokyo', '東京店', false, $1)`,
    [AT],
  );
  await query(`INSERT INTO master_rows (kind, key, data, seq) VALUES ('payment_methods', 'cod', $1::jsonb, 1)`, [
    JSON.stringify({ code: 'cod', name: '代金引換', needs_confirmation: 0, is_cod: 1, sort_order: 0 }),
  ]);
  await query(
    `INSERT INTO clients (kind, name, store_id, token_hash, created_at) VALUES ('pc', '東京PC（更新前から）', 'tokyo', $1, $2)`,
    [hashToken(OLD_TOKEN), AT],
  );
  for (const [n, seq] of [
    [1, 3],
    [2, 4],
  ]) {
    const made = await query<{ id: number }>(
      `INSERT INTO orders (channel, order_no, ordered_at, buyer_name, buyer_kana, ship_name, ship_postal_code,
         ship_prefecture, ship_address1, payment_method, needs_payment, subtotal, shipping_fee, total, store_id,
         staff_comment, created_at, updated_at, seq)
       VALUES ('yahoo_shopping', $1, $2, '山田 太郎', 'ヤマダ タロウ', '山田 太郎', '100-0001', '東京都',
         '千代田区千代田1-1', 'cod', false, 2000, 500, 2500, 'tokyo', '更新前のメモ', $2, $2, $3) RETURNING id`,
      [`SRV-OLD-${n}`, AT, seq],
    );
    const id = made.rows[0]!.id;
    await query(
      `INSERT INTO order_items (order_id, line_no, sku, title, quantity, unit_price, location)
       VALUES ($1, 1, 'MG-010', '有田焼 マグカップ 藍', 2, 1000, 'B-02-01')`,
      [id],
    );
    await query(
      `INSERT INTO order_history (order_id, seq, at, actor, store_id, pc_id, kind, to_value)
       VALUES ($1, $2, $3, '連携', NULL, 'connector', 'intake', 'new')`,
      [id, seq, AT],
    );
  }
  await query('COMMIT');
}

/** The suite on one backend (each backend in its own file, so that the two run side by side). */
export function upgradeSuite(backend: Backend): void {
  let dir = '';
  let server: TestServer | null = null;
  let pc: TestApp | null = null;
  afterEach(async () => {
    if (pc) closePc(pc);
    pc = null;
    await server?.close();
    server = null;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(TAGS.slice(0, -1).map((tag, i) => [i + 1, tag] as const))(
    'version %i (up to %s): old tokens, orders and history still serve the store PCs',
    async (k) => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-server-upgrade-'));
      const postgres = backend === 'postgres' ? await freshPostgres() : null;
      const old = await oldSchema(backend, k, dir, postgres);
      await fillOldServer(old.query);
      await old.close();
      server = await startTestServer(backend, { dataDir: path.join(dir, 'data'), postgres: postgres ?? undefined });

      // A PC registered before the update pulls the old orders as it always did.
      const before = await server.request<PullResponse>(OLD_TOKEN, 'GET', '/sync/pull?cursor=0&limit=100');
      expect(before.status).toBe(200);
      const pulled = before.body.orders.filter((o) => o.orderNo.startsWith('SRV-OLD-'));
      expect(pulled.map((o) => o.orderNo)).toEqual(['SRV-OLD-1', 'SRV-OLD-2']);
      expect(pulled[0]).toMatchObject({
        status: 'new',
        buyerName: '山田 太郎',
        total: 2500,
        staffComment: '更新前のメモ',
      });
      for (const order of pulled) {
        expect(order.items).toEqual([
          expect.objectContaining({ sku: 'MG-010', title: '有田焼 マグカップ 藍', quantity: 2, unitPrice: 1000 }),
        ]);
      }
      // An order taken in after the update comes down in the same shape, field for field.
      await server.intake([makeOrder({ orderNo: 'SRV-NEW-1', storeId: 'tokyo', paymentMethod: 'cod' })]);
      const again = await server.request<PullResponse>(OLD_TOKEN, 'GET', '/sync/pull?cursor=0&limit=100');
      const fresh = again.body.orders.find((o) => o.orderNo === 'SRV-NEW-1')!;
      expect(Object.keys(pulled[0]!).sort()).toEqual(Object.keys(fresh).sort());

      // A store PC syncs the old orders, works on one (在庫確認 of a COD order: 入金済み), and
      // the server takes the change.
      pc = await connectedPc(server, 'tokyo', '東京PC');
      await pc.call('sync:now', {});
      expect(localStatus(pc, 'SRV-OLD-1')).toBe('new');
      expect((await pc.call('stock:check', { orderIds: [localId(pc, 'SRV-OLD-1')!] })).applied).toBe(1);
      expect((await pc.call('sync:now', {})).sent).toBeGreaterThan(0);
      const after = await server.request<PullResponse>(OLD_TOKEN, 'GET', '/sync/pull?cursor=0&limit=100');
      expect(after.body.orders.find((o) => o.orderNo === 'SRV-OLD-1')!.status).toBe('paid');
      expect(after.body.orders.find((o) => o.orderNo === 'SRV-OLD-2')!.status).toBe('new');
    },
    120_000,
  );
}
