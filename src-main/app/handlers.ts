import { UserError } from '../../src-shared/api/errors.js';
import type { Handlers } from '../core/dispatch.js';
import { seedDemo } from '../demo/seed.js';
import { readMasters } from './masters.js';

export const appHandlers: Handlers<'app:info' | 'masters:get' | 'demo:load'> = {
  'app:info': (_input, ctx) => {
    const actor = ctx.actor();
    const { sqlite } = ctx.database;
    const store = actor.storeId
      ? (sqlite.prepare('SELECT name FROM stores WHERE id = ?').get(actor.storeId) as { name: string } | undefined)
      : undefined;
    const orderCount = (
      sqlite.prepare('SELECT coalesce(sum(n), 0) AS n FROM tab_counts WHERE tab <> ?').get('mail_unsent') as {
        n: number;
      }
    ).n;
    return {
      version: ctx.version,
      mode: ctx.mode,
      storeId: actor.storeId,
      storeName: store?.name ?? (actor.storeId ? actor.storeId : '全店舗（本部）'),
      operator: actor.operator,
      orderCount,
    };
  },
  'masters:get': (_input, ctx) => readMasters(ctx.database.sqlite),
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
