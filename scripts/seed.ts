import path from 'node:path';
import { parseArgs } from 'node:util';
import { bootApp, readVersion } from '../src-main/app/bootstrap.js';
import { resolveDataDir, SOURCE_ROOT } from '../src-main/app/paths.js';
import { seedDemoInParallel } from '../src-main/demo/seed.js';
import { createConfSettings } from '../src-main/settings/conf-settings.js';

/** `npm run seed -- --orders N`: demo orders into the database of the data folder. */
const { values } = parseArgs({ options: { orders: { type: 'string', default: '2000' }, seed: { type: 'string' } } });
const count = Number(values.orders);
if (!Number.isInteger(count) || count < 1) {
  console.error(`--orders には 1 以上の整数を指定してください（指定値: ${values.orders}）。`);
  process.exit(1);
}
const dataDir = resolveDataDir();
const app = bootApp({
  dataDir,
  migrationsFolder: path.join(SOURCE_ROOT, 'drizzle'),
  settings: createConfSettings(dataDir),
  mode: 'browser',
  version: readVersion(SOURCE_ROOT),
  // Seeding only: the app closes when done.
  backgroundTimers: false,
});
const started = performance.now();
let lastReport = 0;
await seedDemoInParallel(app.ctx.database.sqlite, {
  orders: count,
  now: new Date(),
  seed: values.seed ? Number(values.seed) : undefined,
  onProgress: (done, total) => {
    if (done === total || performance.now() - lastReport > 2000) {
      lastReport = performance.now();
      process.stdout.write(`  ${done.toLocaleString('ja-JP')} / ${total.toLocaleString('ja-JP')} 件\n`);
    }
  },
});
app.close();
console.log(
  `${count.toLocaleString('ja-JP')} 件のデモ注文を作成しました（${((performance.now() - started) / 1000).toFixed(1)} 秒）: ${dataDir}`,
);
