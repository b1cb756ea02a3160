import type BetterSqlite3 from 'better-sqlite3';
import type { AppInfo } from '../../src-shared/api/app.js';
import type { AppContext } from '../core/app-context.js';

/** What the title bar is told besides the database: who acts, the version and the mode. */
interface AppInfoParts extends Pick<AppContext, 'actor' | 'version' | 'mode'> {
  sqlite: BetterSqlite3.Database;
}

/** The title bar's facts: version, mode, this PC's store and operator, and how many orders it holds. */
export class AppInfoService {
  private readonly storeName: BetterSqlite3.Statement;
  private readonly orderCount: BetterSqlite3.Statement;

  constructor(private readonly parts: AppInfoParts) {
    this.storeName = parts.sqlite.prepare('SELECT name FROM stores WHERE id = ?').pluck();
    this.orderCount = parts.sqlite.prepare('SELECT coalesce(sum(n), 0) AS n FROM tab_counts WHERE tab <> ?').pluck();
  }

  info(): AppInfo {
    const actor = this.parts.actor();
    const store = actor.storeId ? (this.storeName.get(actor.storeId) as string | undefined) : undefined;
    return {
      version: this.parts.version,
      mode: this.parts.mode,
      storeId: actor.storeId,
      storeName: store ?? (actor.storeId ? actor.storeId : '全店舗（本部）'),
      operator: actor.operator,
      orderCount: this.orderCount.get('mail_unsent') as number,
    };
  }
}
