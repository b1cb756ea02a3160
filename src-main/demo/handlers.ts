import { UserError } from '../../src-shared/api/errors.js';
import type { Handlers } from '../core/dispatch.js';
import { seedDemo } from './seed.js';

export const demoHandlers: Handlers<'demo:load'> = {
  'demo:load': ({ orders }, ctx) => {
    const { sqlite } = ctx.database;
    if (ctx.settings.get('serverUrl')) {
      // Demo orders would go up to the central server as real ones.
      throw new UserError(
        '中央サーバーと同期している PC ではデモデータを読み込めません。F6 で最新の注文を取得してください。',
        'synced',
      );
    }
    if (sqlite.prepare('SELECT 1 FROM orders LIMIT 1').get()) {
      throw new UserError('注文データがすでにあるため、デモデータは読み込めません。', 'not_empty');
    }
    const count = seedDemo(sqlite, { orders, now: ctx.clock.now() });
    ctx.emit({ type: 'orders:changed' });
    return { orders: count };
  },
};
