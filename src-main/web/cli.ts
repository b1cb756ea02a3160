import path from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../../src-shared/api/errors.js';
import { bootApp, readVersion } from '../app/bootstrap.js';
import { resolveDataDir, SOURCE_ROOT } from '../app/paths.js';
import { seedDemo } from '../demo/seed.js';
import { createConfSettings } from '../settings/conf-settings.js';
import { startWebServer } from './server.js';

/**
 * `npm run start:web -- --port N [--demo]`: browser mode. The first stdout line is
 * "Chumon listening on <URL with token>" (tests and the launcher read it).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '0' }, demo: { type: 'boolean', default: false } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UserError(`ポート番号が正しくありません: ${values.port}`);
  const dataDir = resolveDataDir();
  const app = bootApp({
    dataDir,
    migrationsFolder: path.join(SOURCE_ROOT, 'drizzle'),
    settings: createConfSettings(dataDir),
    mode: 'browser',
    version: readVersion(SOURCE_ROOT),
  });
  const { sqlite } = app.ctx.database;
  if (values.demo && !sqlite.prepare('SELECT 1 FROM orders LIMIT 1').get()) {
    seedDemo(sqlite, { orders: 2000, now: new Date() });
  }
  const server = await startWebServer({ app, staticRoot: path.join(SOURCE_ROOT, 'dist', 'renderer'), port });
  console.log(`Chumon listening on ${server.url}`);
  console.log(`データフォルダ: ${dataDir}`);
  const stop = () => {
    void server.close().then(() => {
      app.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof UserError ? err.message : err);
  process.exit(1);
});
