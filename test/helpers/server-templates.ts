import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { PGLITE_EXTENSIONS, SERVER_MIGRATIONS } from '../../src-server/db/open.js';

/**
 * Central-server databases with every migration applied and nothing else, to copy from. A new
 * PGlite costs seconds before a test can use it (initdb and every migration, in WASM); a copy
 * of a migrated folder costs a fraction of one, and PostgreSQL clones a template database in
 * milliseconds. The vitest global set-up (test/global-setup.ts) makes one of each per run and
 * names them in these variables; without them (a test run another way) a server starts on an
 * empty database and migrates it itself, as in the field. A server started on a copy still
 * runs its start-up (migrations found applied, its own identity, admin token, first account).
 */
export const PGLITE_TEMPLATE = 'CHUMON_TEST_PGLITE_TEMPLATE';
export const POSTGRES_TEMPLATE = 'CHUMON_TEST_POSTGRES_TEMPLATE';

/** Applies the server's migrations to a new PGlite in `dir`. */
export async function makePgliteTemplate(dir: string): Promise<void> {
  const client = new PGlite(dir, { extensions: PGLITE_EXTENSIONS });
  await migratePglite(drizzlePglite(client), { migrationsFolder: SERVER_MIGRATIONS });
  await client.close();
}

/** Makes a migrated database on the PostgreSQL of `baseUrl`, marked as a template; returns its name. */
export async function makePostgresTemplate(baseUrl: string): Promise<string> {
  const name = `chumon_template_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await migratePg(drizzlePg(client), { migrationsFolder: SERVER_MIGRATIONS });
  await client.end();
  await admin.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE true`);
  await admin.end();
  return name;
}

export async function dropPostgresTemplate(baseUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE false`);
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.end();
}

/** A new folder for a test server's PGlite: a copy of the run's migrated one where there is one. */
export function newPgliteDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-server-'));
  const template = process.env[PGLITE_TEMPLATE];
  if (template) cpSync(template, dir, { recursive: true });
  return dir;
}

/** `CREATE DATABASE` for a test server: a clone of the run's migrated template where there is one. */
export function createDatabaseSql(name: string, migrated: boolean): string {
  const template = migrated ? process.env[POSTGRES_TEMPLATE] : undefined;
  return template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`;
}

/** Removes a template folder made by makePgliteTemplate. */
export function removePgliteTemplate(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
