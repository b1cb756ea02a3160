import { UserError } from '../../src-shared/api/errors.js';
import type { StoreInfo } from '../../src-shared/api/app.js';
import type { Handlers } from '../core/dispatch.js';
import { seedDemo } from '../demo/seed.js';

export const appHandlers: Handlers<'app:info' | 'stores:list' | 'demo:load'> = {
  'app:info': (_input, ctx) => {
    const actor = ctx.actor();
    const { sqlite } = ctx.database;
    const store = actor.storeId
      ? (sqlite.prepare('SELECT name FROM stores WHERE id = ?').get(actor.storeId) as { name: string } | undefined)
      : undefined;
    const orderCount = (sqlite.prepare('SELECT coalesce(sum(n), 0) AS n FROM tab_counts WHERE tab <> ?').get('mail_unsent') as { n: number }).n;
    return {
      version: ctx.version,
      mode: ctx.mode,
      storeId: actor.storeId,
      storeName: store?.name ?? (actor.storeId ? actor.storeId : '全店舗（本部）'),
      operator: actor.operator,
      orderCount,
    };
  },
  'stores:list': (_input, ctx) =>
    (
      ctx.database.sqlite
        .prepare('SELECT id, name, is_head_office AS isHeadOffice FROM stores ORDER BY sort_order, id')
        .all() as { id: string; name: string; isHeadOffice: number }[]
    ).map((s): StoreInfo => ({ id: s.id, name: s.name, isHeadOffice: s.isHeadOffice === 1 })),
  'demo:load': ({ orders }, ctx) => {
    const { sqlite } = ctx.database;
    if (sqlite.prepare('SELECT 1 FROM orders LIMIT 1').get()) {
      throw new UserError('注文データがすでにあるため、デモデータは読み込めません。', 'not_empty');
    }
    const count = seedDemo(sqlite, { orders, now: ctx.clock.now() });
    ctx.emit({ type: 'orders:changed' });
    return { orders: count };
  },
};
