import type { AppInfo } from '../../src-shared/api/app.js';
import type { ServiceContext } from '../core/context.js';

/** The title bar's facts: version, mode, this PC's store and operator, and how many orders it holds. */
export function appInfo(ctx: ServiceContext): AppInfo {
  const actor = ctx.actor();
  const { sqlite } = ctx.database;
  const store = actor.storeId
    ? (sqlite.prepare('SELECT name FROM stores WHERE id = ?').get(actor.storeId) as { name: string } | undefined)
    : undefined;
  const orderCount = sqlite
    .prepare('SELECT coalesce(sum(n), 0) AS n FROM tab_counts WHERE tab <> ?')
    .pluck()
    .get('mail_unsent') as number;
  return {
    version: ctx.version,
    mode: ctx.mode,
    storeId: actor.storeId,
    storeName: store?.name ?? (actor.storeId ? actor.storeId : '全店舗（本部）'),
    operator: actor.operator,
    orderCount,
  };
}
