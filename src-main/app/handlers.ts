import type { Handlers } from '../core/dispatch.js';
import { readMasters } from './masters.js';

export const appHandlers: Handlers<'app:info' | 'app:masters'> = {
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
  'app:masters': (_input, ctx) => readMasters(ctx.database.sqlite),
};
