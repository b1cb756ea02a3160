import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { openServerDatabase, type ServerDatabase } from '../../src-server/db/open.js';
import { freshPostgres, type PostgresDatabase } from './central-server.js';
import { newPgliteDir } from './server-templates.js';

/** A migrated PGlite server database for a test file: opened before its tests, closed and removed after them. */
export function pgliteServerDatabase(): () => ServerDatabase {
  let dir = '';
  let server: ServerDatabase | undefined;
  beforeAll(async () => {
    dir = newPgliteDir();
    server = await openServerDatabase({ dataDir: dir });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => server!;
}

/**
 * A migrated database on the PostgreSQL of DATABASE_URL for a test file, opened by the server's
 * own pool: opened before its tests, closed and dropped after them (inside describeNeeding).
 */
export function postgresServerDatabase(): () => ServerDatabase {
  let fresh: PostgresDatabase | undefined;
  let server: ServerDatabase | undefined;
  beforeAll(async () => {
    fresh = await freshPostgres({ migrated: true });
    server = await openServerDatabase({ databaseUrl: fresh.url });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await fresh?.drop();
  });
  return () => server!;
}
