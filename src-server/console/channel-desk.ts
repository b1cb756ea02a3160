import type { ConsoleAccount } from '../../src-shared/console/accounts.js';
import type { NoticeListQuery, ShipmentNoticeRow } from '../../src-shared/console/channels.js';
import { listNotices, retryRefusedNotice } from '../channels/notices.js';
import type { ServerDb } from '../db/open.js';

/** The console's side of the channels: the shipment notice queue and its retry (出荷通知). */
export class ChannelDesk {
  constructor(
    private readonly db: ServerDb,
    private readonly notify: () => void,
  ) {}

  notices(query: NoticeListQuery): Promise<ShipmentNoticeRow[]> {
    return listNotices(this.db, query);
  }

  /** Sends a refused notice again; the order's history names the console account. */
  retryNotice(id: number, account: ConsoleAccount, now: Date): Promise<{ ok: true }> {
    return retryRefusedNotice(this.db, id, `本部（${account.displayName}）`, now, this.notify);
  }
}
