import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../../src-shared/api/errors.js';
import type { SyncSettings } from '../../src-shared/api/sync.js';
import { sameServer } from '../../src-shared/sync/server-url.js';
import type { AppContext } from '../core/app-context.js';
import { LocalSyncState } from './pull-state.js';
import { PushAnswers } from './push-answers.js';
import { SyncError, SyncTransport } from './transport.js';

/** The live sync's controls a change of server needs (the one SyncRunner of the app). */
interface LiveSync {
  startLive(): void;
  stopLive(): void;
  forgetServer(): void;
}

/** What the sync settings work with: the open database, the settings file and the live runner. */
export interface SyncSettingsParts extends Pick<AppContext, 'settings' | 'secrets' | 'clock' | 'version'> {
  sqlite: BetterSqlite3.Database;
  sync: LiveSync;
}

const NO_IDENTITY = { storeName: null, isHeadOffice: false };

/**
 * This PC's link to the central server (同期設定): which server, its token (sealed), which
 * store the server registered the PC for, and the refusals the server sent back.
 */
export class SyncSettingsService {
  private readonly local: LocalSyncState;
  private readonly answers: PushAnswers;

  constructor(private readonly parts: SyncSettingsParts) {
    this.local = new LocalSyncState(parts.sqlite);
    this.answers = new PushAnswers(parts.sqlite, this.local);
  }

  current(): SyncSettings {
    const serverUrl = this.parts.settings.get('serverUrl');
    return {
      serverUrl,
      hasToken: Boolean(this.parts.settings.get('storeToken')),
      ...(serverUrl ? this.identity() : NO_IDENTITY),
    };
  }

  /** Saves a server after it has answered with this token; an empty address leaves the server. */
  async save({ serverUrl, token }: { serverUrl: string; token: string }): Promise<SyncSettings> {
    const { settings, secrets, clock } = this.parts;
    const runner = this.parts.sync;
    if (!serverUrl) {
      runner.stopLive();
      runner.forgetServer();
      this.local.setCapture(false);
      settings.set('serverUrl', '');
      settings.set('storeToken', '');
      return this.current();
    }
    const plain = await this.tokenFor(serverUrl, token);
    // Checked against the server before anything is saved: a typo changes nothing, and an
    // unreachable server is said so, not worded as if the settings were kept.
    const hello = await new SyncTransport(serverUrl, plain, clock, this.parts.version).hello().catch((err: unknown) => {
      if (err instanceof SyncError && err.kind === 'offline') {
        throw new UserError(
          `中央サーバー（${serverUrl}）に接続できないため、設定は保存していません。アドレスとネットワークを確かめて、もう一度「接続を確認して保存」を押してください。`,
          'sync_offline',
        );
      }
      throw err;
    });
    if (this.local.meta('sync_server_id') !== hello.serverId) this.local.resetCursor(hello.serverId);
    runner.stopLive();
    runner.forgetServer();
    settings.set('serverUrl', serverUrl);
    settings.set('storeToken', await secrets.encrypt(plain));
    // This PC's store is the one the server registered it for; head office sees all stores.
    settings.set('storeId', hello.client.isHeadOffice ? null : hello.client.storeId);
    this.local.setMetaValue(
      'sync_identity',
      JSON.stringify({ storeName: hello.client.storeName, isHeadOffice: hello.client.isHeadOffice }),
    );
    this.local.setCapture(true);
    runner.startLive();
    return this.current();
  }

  refusals(limit: number): ReturnType<PushAnswers['refusals']> {
    return this.answers.refusals(limit);
  }

  markRefusalsSeen(): { ok: true } {
    this.answers.markRefusalsSeen(this.parts.clock.now().toISOString());
    return { ok: true };
  }

  /** The saved token goes only to the server it was saved for: a new address needs it typed. */
  private async tokenFor(serverUrl: string, typed: string): Promise<string> {
    const { settings, secrets } = this.parts;
    const saved = settings.get('storeToken');
    const reusable = saved && sameServer(settings.get('serverUrl'), serverUrl);
    const plain = typed || (reusable ? await secrets.decrypt(saved).catch(() => '') : '');
    if (plain) return plain;
    throw new UserError(
      saved && !reusable
        ? 'サーバーのアドレスを変えたときは、この PC のトークンも入力してください。保存済みのトークンは新しいアドレスには送りません。'
        : 'この PC のトークンを入力してください（管理者がサーバーで PC を登録したときに表示されたものです）。',
    );
  }

  private identity(): { storeName: string | null; isHeadOffice: boolean } {
    const raw = this.local.meta('sync_identity');
    return raw ? (JSON.parse(raw) as { storeName: string; isHeadOffice: boolean }) : NO_IDENTITY;
  }
}
