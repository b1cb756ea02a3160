/**
 * One "PC" of the stock race test: opens the shared database file as the app does, says
 * "ready", and on the first line of stdin runs F11 on one order and prints the result.
 * Usage: node --import tsx stock-race-worker.ts <dataDir> <settingsDir> <orderId>
 */
import { bootApp } from '../../../src-main/app/bootstrap.js';
import { dispatch } from '../../../src-main/core/dispatch.js';
import { handlers } from '../../../src-main/core/registry.js';
import { createConfSettings } from '../../../src-main/settings/conf-settings.js';
import { MIGRATIONS } from '../../helpers/test-app.js';

const [dataDir, settingsDir, orderId] = process.argv.slice(2);
const app = bootApp({
  dataDir: dataDir!,
  migrationsFolder: MIGRATIONS,
  settings: createConfSettings(settingsDir!),
  mode: 'browser',
  version: 'race',
  backgroundTimers: false,
});
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  void dispatch(handlers, app.ctx, 'stock:check', { orderIds: [Number(orderId)] }).then((result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    app.close();
    process.exit(0);
  });
});
