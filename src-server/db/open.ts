import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { PreparingClient } from './prepared-client.js';
import { makePrivateDir, makePrivateTree } from '../../src-node/private-files.js';
import * as schema from './schema/index.js';

export type ServerDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface ServerDatabase {
  db: ServerDb;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export const SERVER_MIGRATIONS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'drizzle-server',
);

/** Any key for the advisory lock that keeps two server processes from migrating at once. */
const MIGRATION_LOCK = 7_212_026;

// Change numbers are bigint; they stay far below 2^53, so plain numbers are safe.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Runs a raw (parameterised) query and returns its rows. */
export async function rows<T>(db: ServerDb, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Runs a query and returns its rows by way of PostgreSQL's own JSON text: one string
 * crosses from the database instead of thousands of rows (PGlite converts rows field by
 * field, which costs far more than the query on large pages).
 */
export async function jsonRows<T>(db: ServerDb, query: SQL): Promise<T[]> {
  const [row] = await rows<{ j: string }>(db, sql`SELECT coalesce(json_agg(t), '[]')::text AS j FROM (${query}) t`);
  return JSON.parse(row?.j ?? '[]') as T[];
}

/** Separates JSON texts joined by one string_agg (split again in JS): JSON text never holds a raw U+0001. */
export const JSON_TEXT_SEPARATOR = '\u0001';

/**
 * Several jsonRows queries as one statement: one round trip instead of one each, all read
 * from the same snapshot. Returns each query's rows, in the order given.
 */
export async function jsonRowsTogether<T extends unknown[][]>(db: ServerDb, queries: readonly SQL[]): Promise<T> {
  const [row] = await rows<Record<string, unknown>>(db, sql`SELECT ${sql.join(jsonColumns(queries), sql`, `)}`);
  return listsOf<T>(row, queries.length);
}

/**
 * The same, in the same statement as a query of one row (`beside`): its columns come back as
 * they are (`row`), read from the same snapshot.
 */
export async function jsonRowsBeside<T extends unknown[][], R extends object>(
  db: ServerDb,
  queries: readonly SQL[],
  beside: SQL,
): Promise<{ lists: T; row: R }> {
  const [row] = await rows<Record<string, unknown>>(
    db,
    sql`SELECT ${sql.join(jsonColumns(queries), sql`, `)}, beside.* FROM (${beside}) beside`,
  );
  return { lists: listsOf<T>(row, queries.length), row: (row ?? {}) as R };
}

/** Each query's rows as one JSON text column, j0, j1, … */
const jsonColumns = (queries: readonly SQL[]) =>
  queries.map((query, i) => sql`(SELECT coalesce(json_agg(t), '[]') FROM (${query}) t)::text AS ${sql.raw(`j${i}`)}`);

/** The lists of the json columns of a row. */
function listsOf<T extends unknown[][]>(row: Record<string, unknown> | undefined, count: number): T {
  return Array.from({ length: count }, (_, i) => JSON.parse((row?.[`j${i}`] as string | undefined) ?? '[]')) as T;
}

/**
 * Runs data-changing statements as one (each a WITH clause of a single statement): one round
 * trip to the database instead of one each. They all read the same snapshot and see none of
 * each other's changes, so they must not depend on one another or touch the same rows.
 */
export async function writeTogether(db: ServerDb, statements: readonly SQL[]): Promise<void> {
  if (statements.length === 0) return;
  if (statements.length === 1) {
    await db.execute(statements[0]!);
    return;
  }
  const clauses = statements.map((statement, i) => sql`${sql.raw(`w${i}`)} AS (${statement})`);
  await db.execute(sql`WITH ${sql.join(clauses, sql`, `)} SELECT 1`);
}

/** One parameter for a list of ids (`= ANY(${idList(ids)}::int[])`), so a page stays one statement. */
export function idList(ids: readonly number[]): string {
  return `{${ids.join(',')}}`;
}

async function ensureState(db: ServerDb): Promise<void> {
  await db.execute(
    sql`INSERT INTO sync_state (id, server_id, last_seq) VALUES (1, ${randomUUID()}, 0) ON CONFLICT (id) DO NOTHING`,
  );
}

/** What the server's migrations need of PGlite: pg_trgm for the console's buyer search (0007). */
export const PGLITE_EXTENSIONS = { pg_trgm };

/** Databases whose writers run side by side: see writesConcurrently. */
const concurrentWriters = new WeakSet<object>();

/**
 * Whether writers on this database run side by side and so queue for the change-number lock:
 * PostgreSQL (the pool's connections, other server processes); PGlite runs one transaction
 * at a time.
 */
export function writesConcurrently(db: ServerDb): boolean {
  return concurrentWriters.has(db);
}

/**
 * Opens the server's database: a real PostgreSQL when `databaseUrl` is given (several server
 * processes may share it), else an embedded PGlite in `dataDir` (zero setup). Migrations
 * from drizzle-server/ are applied on open.
 */
export async function openServerDatabase(options: { dataDir?: string; databaseUrl?: string }): Promise<ServerDatabase> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      // Each statement parsed once per connection, and planned for its values at every call,
      // as an unnamed one is: a generic plan, made once for any values, read the order lines
      // of a push 25 times slower under the fleet's load (prepared-client.ts).
      Client: PreparingClient,
      options: '-c plan_cache_mode=force_custom_plan',
    });
    const db = drizzlePg(pool, { schema });
    const lock = await pool.connect();
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migratePg(db, { migrationsFolder: SERVER_MIGRATIONS });
      await ensureState(db as unknown as ServerDb);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      lock.release();
    }
    concurrentWriters.add(db);
    return { db: db as unknown as ServerDb, kind: 'postgres', close: () => pool.end() };
  }
  if (!options.dataDir) throw new Error('openServerDatabase: dataDir or databaseUrl is required');
  makePrivateDir(options.dataDir);
  const client = new PGlite(options.dataDir, { extensions: PGLITE_EXTENSIONS });
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder: SERVER_MIGRATIONS });
  await ensureState(db as unknown as ServerDb);
  // PGlite writes its files 0666 whatever the umask: tokens' hashes and buyers' data are
  // put back to the owner's only at every start (the folder itself keeps others out of new ones).
  makePrivateTree(options.dataDir);
  return { db: db as unknown as ServerDb, kind: 'pglite', close: () => client.close() };
}
