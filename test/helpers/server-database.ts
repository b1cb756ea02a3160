import { rmSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { openServerDatabase, type ServerDatabase } from '../../src-server/db/open.js';
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
