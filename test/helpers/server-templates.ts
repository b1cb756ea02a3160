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
 * milliseconds. The vitest global set-up (test/global-setup.ts) makes them once per run and
 * names them in these variables; without them (a test run another way) a server starts on an
 * empty database and migrates it itself, as in the field. A server started on a copy still
 * runs its start-up (migrations found applied, its own identity, admin token, first account).
 */
export const PGLITE_TEMPLATE = 'CHUMON_TEST_PGLITE_TEMPLATE';
/** A PGlite folder with nothing in it yet (initdb done, no migration): for the upgrade tests' old schemas. */
export const PGLITE_EMPTY_TEMPLATE = 'CHUMON_TEST_PGLITE_EMPTY_TEMPLATE';
export const POSTGRES_TEMPLATE = 'CHUMON_TEST_POSTGRES_TEMPLATE';

/** Makes a new PGlite in `empty`, then a copy of it in `migrated` with the server's migrations applied. */
export async function makePgliteTemplates(empty: string, migrated: string): Promise<void> {
  const blank = new PGlite(empty, { extensions: PGLITE_EXTENSIONS });
  await blank.waitReady;
  await blank.close();
  cpSync(empty, migrated, { recursive: true });
  const client = new PGlite(migrated, { extensions: PGLITE_EXTENSIONS });
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

/** Fills `dir` with a copy of the run's migrated (or empty) PGlite, where the run has one. */
export function copyPgliteTemplate(dir: string, options: { migrated: boolean }): void {
  const template = process.env[options.migrated ? PGLITE_TEMPLATE : PGLITE_EMPTY_TEMPLATE];
  if (template) cpSync(template, dir, { recursive: true });
}

/** A new folder for a test server's PGlite: a copy of the run's migrated one where there is one. */
export function newPgliteDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-server-'));
  copyPgliteTemplate(dir, { migrated: true });
  return dir;
}

/** `CREATE DATABASE` for a test server: a clone of the run's migrated template where there is one. */
export function createDatabaseSql(name: string, migrated: boolean): string {
  const template = migrated ? process.env[POSTGRES_TEMPLATE] : undefined;
  return template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`;
}

/** Removes the template folders made by makePgliteTemplates. */
export function removePgliteTemplates(...dirs: string[]): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
