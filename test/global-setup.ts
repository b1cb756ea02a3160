import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  dropPostgresTemplate,
  makePgliteTemplate,
  makePostgresTemplate,
  PGLITE_TEMPLATE,
  POSTGRES_TEMPLATE,
  removePgliteTemplate,
} from './helpers/server-templates.js';

/**
 * Once per vitest run: the migrated central-server databases the test servers copy
 * (test/helpers/server-templates.ts), named in the environment the test workers inherit.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-server-template-'));
  await makePgliteTemplate(dir);
  process.env[PGLITE_TEMPLATE] = dir;
  const baseUrl = process.env.DATABASE_URL;
  const postgres = baseUrl ? await makePostgresTemplate(baseUrl) : null;
  if (postgres) process.env[POSTGRES_TEMPLATE] = postgres;
  return async () => {
    removePgliteTemplate(dir);
    if (baseUrl && postgres) await dropPostgresTemplate(baseUrl, postgres);
  };
}
