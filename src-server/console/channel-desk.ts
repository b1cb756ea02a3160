import { UserError } from '../../src-shared/api/errors.js';
import type { ConsoleAccount } from '../../src-shared/console/accounts.js';
import type { z } from 'zod';
import type {
  ChannelRunRow,
  ConnectorAccount,
  connectorInput,
  NoticeListQuery,
  ShipmentNoticeRow,
} from '../../src-shared/console/channels.js';
import type { AccountView, ChannelAccounts } from '../channels/accounts.js';
import { listNotices, retryRefusedNotice } from '../channels/notices.js';
import { listRuns } from '../channels/runs.js';
import type { ChannelScheduler } from '../channels/scheduler.js';
import type { ServerDb } from '../db/open.js';

/** The channels part the console works through (accounts and their runs). */
export interface ChannelParts {
  accounts: ChannelAccounts;
  scheduler: ChannelScheduler;
}

/** What the console shows of an account: the view without the channel's cursor. */
function connector(view: AccountView): ConnectorAccount {
  return {
    id: view.id,
    channel: view.channel,
    channelLabel: view.channelLabel,
    name: view.name,
    storeId: view.storeId,
    intervalMinutes: view.intervalMinutes,
    enabled: view.enabled,
    settings: view.settings,
    state: view.state,
    message: view.message,
    lastRunAt: view.lastRunAt,
    lastSuccessAt: view.lastSuccessAt,
    nextRunAt: view.nextRunAt,
    credentialsRegistered: view.credentialsRegistered,
    notices: view.notices,
  };
}

/**
 * The console's side of the channels: each connector account with its settings, which
 * credentials it holds (never their values) and its runs (取込); the shipment notice queue
 * and its retry (出荷通知).
 */
export class ChannelDesk {
  constructor(
    private readonly db: ServerDb,
    private readonly channels: ChannelParts | null,
    private readonly notify: () => void,
  ) {}

  private parts(): ChannelParts {
    if (!this.channels) throw new UserError('このサーバーではチャネル連携が動いていません。', 'unavailable');
    return this.channels;
  }

  async connectors(): Promise<ConnectorAccount[]> {
    return (await this.parts().accounts.list()).map(connector);
  }

  async save(input: z.output<typeof connectorInput>, now: Date): Promise<ConnectorAccount> {
    const { accounts } = this.parts();
    const { id, channel, credentials, ...fields } = input;
    if (id === undefined)
      return connector(await accounts.add({ channel, ...fields, credentials: credentials ?? {} }, now));
    return connector(await accounts.update(id, { ...fields, ...(credentials ? { credentials } : {}) }, now));
  }

  /** Runs an account now and answers the run it recorded. */
  async run(id: number): Promise<ChannelRunRow | null> {
    const { accounts, scheduler } = this.parts();
    await accounts.row(id);
    const result = await scheduler.run(id);
    if (result.skipped)
      throw new UserError(
        'このアカウントは今は実行できません（無効・停止中、または実行中です）。停止中なら認証情報を登録し直してください。',
        'invalid_input',
      );
    const [latest] = await listRuns(this.db, { accountId: id, limit: 1 });
    return latest ?? null;
  }

  runs(query: { accountId?: number; limit: number }): Promise<ChannelRunRow[]> {
    return listRuns(this.db, query);
  }

  notices(query: NoticeListQuery): Promise<ShipmentNoticeRow[]> {
    return listNotices(this.db, query);
  }

  /** Sends a refused notice again; the order's history names the console account. */
  retryNotice(id: number, account: ConsoleAccount, now: Date): Promise<{ ok: true }> {
    return retryRefusedNotice(this.db, id, `本部（${account.displayName}）`, now, this.notify);
  }
}
