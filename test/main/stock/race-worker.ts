/**
 * One "PC" of the stock race test: opens the shared database file as the app does and
 * answers the test line by line on stdin/stdout:
 *   → "ready"
 *   "look"  → "saw {onHand, reserved, status}": what this PC shows before anyone acts
 *   "go"    → "checking", then the F11 result as JSON
 * "checking" is written synchronously just before dispatch(), which runs the stock check
 * synchronously up to its IMMEDIATE transaction: once a worker has said it, it is at the
 * write lock without yielding in between.
 * Usage: node --import tsx race-worker.ts <dataDir> <settingsDir> <orderId> <sku>
 */
import { writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { bootApp } from '../../../src-main/app/bootstrap.js';
import { dispatch } from '../../../src-main/core/dispatch.js';
import { handlers } from '../../../src-main/core/registry.js';
import { createConfSettings } from '../../../src-main/settings/conf-settings.js';
import { MIGRATIONS } from '../../helpers/test-app.js';

const [dataDir, settingsDir, orderId, sku] = process.argv.slice(2);
const app = bootApp({
  dataDir: dataDir!,
  migrationsFolder: MIGRATIONS,
  settings: createConfSettings(settingsDir!),
  mode: 'browser',
  version: 'race',
  backgroundTimers: false,
});
const say = (line: string) => writeSync(1, `${line}\n`);
say('ready');

createInterface({ input: process.stdin }).on('line', (line) => {
  const { sqlite } = app.ctx.database;
  if (line === 'look') {
    const stock = sqlite.prepare('SELECT on_hand AS onHand, reserved FROM stock WHERE sku = ?').get(sku) as object;
    const status = sqlite.prepare('SELECT status FROM orders WHERE id = ?').pluck().get(Number(orderId));
    say(`saw ${JSON.stringify({ ...stock, status })}`);
  } else if (line === 'go') {
    say('checking');
    void dispatch(handlers, app.ctx, 'stock:check', { orderIds: [Number(orderId)] }).then((result) => {
      say(JSON.stringify(result));
      app.close();
      process.exit(0);
    });
  }
});
