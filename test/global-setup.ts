import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  dropPostgresTemplate,
  makePgliteTemplates,
  PGLITE_EMPTY_TEMPLATE,
  makePostgresTemplate,
  PGLITE_TEMPLATE,
  POSTGRES_TEMPLATE,
  removePgliteTemplates,
} from './helpers/server-templates.js';

/**
 * Once per vitest run: the migrated central-server databases the test servers copy
 * (test/helpers/server-templates.ts), named in the environment the test workers inherit.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'chumon-server-templates-'));
  const empty = path.join(root, 'empty');
  const migrated = path.join(root, 'migrated');
  await makePgliteTemplates(empty, migrated);
  process.env[PGLITE_EMPTY_TEMPLATE] = empty;
  process.env[PGLITE_TEMPLATE] = migrated;
  const baseUrl = process.env.DATABASE_URL;
  const postgres = baseUrl ? await makePostgresTemplate(baseUrl) : null;
  if (postgres) process.env[POSTGRES_TEMPLATE] = postgres;
  return async () => {
    removePgliteTemplates(root);
    if (baseUrl && postgres) await dropPostgresTemplate(baseUrl, postgres);
  };
}
