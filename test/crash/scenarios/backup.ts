import { insertOrders } from '../../helpers/orders.js';
import { callMethod, type CrashScenario } from '../scenario.js';

export const BACKUP_SCENARIOS = {
  /**
   * 復元 from the settings screen: validate, copy the current database aside, swap the file,
   * reopen. A kill leaves either the database as it was or the backup's, never a mix.
   */
  'backup-restore': {
    atomic: true,
    resumable: true,
    async prepare(app) {
      const ids = insertOrders(
        app.ctx.database.sqlite,
        Array.from({ length: 3000 }, () => ({})),
      );
      await callMethod(app, 'backup:create', {});
      await callMethod(app, 'operations:cancel', { orderIds: ids.slice(0, 1000), reason: '復元テスト' });
    },
    async run(app) {
      const { backups } = await callMethod(app, 'backup:list', {});
      await callMethod(app, 'backup:restore', { name: backups.find((b) => b.reason === 'manual')!.name });
    },
  },
} satisfies Record<string, CrashScenario>;
