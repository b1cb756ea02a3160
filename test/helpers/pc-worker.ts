/**
 * A store PC as its own process: the app booted on its own SQLite file as the desktop app
 * boots it (renderer aside), answering one JSON line per request on stdin: a contract
 * method `{ id, method, input }` or a read-only query `{ id, query, params }`. Live sync
 * stays off: the test says when the PC syncs. Used through pc-process.ts.
 * Usage: node --import tsx pc-worker.ts <dataDir> <pcId>
 */
import { createInterface } from 'node:readline';
import { bootApp } from '../../src-main/app/bootstrap.js';
import { dispatch } from '../../src-main/core/dispatch.js';
import { handlers } from '../../src-main/core/registry.js';
import { createConfSettings } from '../../src-main/settings/conf-settings.js';
import type { MethodName } from '../../src-shared/api/index.js';
import { MIGRATIONS } from './test-app.js';

const [dataDir, pcId] = process.argv.slice(2);
const settings = createConfSettings(dataDir!);
settings.set('operator', `${pcId}の担当`);
settings.set('pcId', pcId!);
const app = bootApp({
  dataDir: dataDir!,
  migrationsFolder: MIGRATIONS,
  settings,
  mode: 'browser',
  version: 'pc-process',
  backgroundTimers: false,
});

type Request = { id: number } & ({ method: MethodName; input: unknown } | { query: string; params: unknown[] });

async function answer(request: Request): Promise<unknown> {
  if ('query' in request)
    return { ok: true, value: app.ctx.database.sqlite.prepare(request.query).all(...request.params) };
  const result = await dispatch(handlers, app.ctx, request.method, request.input, () => undefined);
  if (request.method === 'sync:saveSettings') app.ctx.services.sync.stopLive();
  return result;
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const request = JSON.parse(line) as Request;
  void answer(request)
    .catch((error: unknown) => ({ ok: false, error: { message: String(error) } }))
    .then((result) => process.stdout.write(`${JSON.stringify({ id: request.id, result })}\n`));
});
process.stdin.on('end', () => {
  app.ctx.services.sync.stopLive();
  app.close();
  process.exit(0);
});
process.stdout.write('ready\n');
