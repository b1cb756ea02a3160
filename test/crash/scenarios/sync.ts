import { makeOrder } from '../../helpers/orders.js';
import { callMethod, type CrashScenario } from '../scenario.js';

/** Orders the central server holds for the store: several pull pages of 2,000. */
const SYNC_ORDERS = Number(process.env.CHUMON_CRASH_SYNC_ORDERS ?? 5_000);

export const SYNC_SCENARIOS = {
  /**
   * F6 最新取得 into an empty store PC: pages applied one transaction each, indexes deferred
   * (first sync), the cursor advanced after each commit. A kill leaves whole pages only.
   */
  'sync-pull': {
    atomic: false,
    resumable: true,
    async prepare(app, env) {
      const server = env.server!;
      await server.addStore('tokyo', '東京店');
      for (let i = 0; i < SYNC_ORDERS; i += 1000) {
        const count = Math.min(1000, SYNC_ORDERS - i);
        await server.intake(
          Array.from({ length: count }, (_, k) =>
            makeOrder({ orderNo: `SY-${String(i + k).padStart(6, '0')}`, storeId: 'tokyo', paymentMethod: 'cod' }),
          ),
        );
      }
      const token = await server.addPc('tokyo', 'crash-pc');
      await callMethod(app, 'sync:saveSettings', { serverUrl: server.url, token });
      app.ctx.services.sync.stopLive();
    },
    async run(app) {
      await callMethod(app, 'sync:now', {});
    },
  },
} satisfies Record<string, CrashScenario>;
