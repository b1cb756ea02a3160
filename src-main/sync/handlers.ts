import { UserError } from '../../src-shared/api/errors.js';
import type { SyncSettings } from '../../src-shared/api/sync.js';
import type { ServiceContext } from '../core/context.js';
import type { Handlers } from '../core/dispatch.js';
import { LocalSyncState } from './local-state.js';
import { syncRunner } from './runner.js';
import { SyncError, SyncTransport } from './transport.js';
import { sameServer } from '../../src-shared/sync/server-url.js';

function identity(ctx: ServiceContext): { storeName: string | null; isHeadOffice: boolean } {
  const raw = new LocalSyncState(ctx.database.sqlite).meta('sync_identity');
  return raw
    ? (JSON.parse(raw) as { storeName: string; isHeadOffice: boolean })
    : { storeName: null, isHeadOffice: false };
}

function current(ctx: ServiceContext): SyncSettings {
  const serverUrl = ctx.settings.get('serverUrl');
  return {
    serverUrl,
    hasToken: Boolean(ctx.settings.get('storeToken')),
    ...(serverUrl ? identity(ctx) : { storeName: null, isHeadOffice: false }),
  };
}

export const syncHandlers: Handlers<
  'sync:settings' | 'sync:saveSettings' | 'sync:now' | 'sync:status' | 'sync:refusals' | 'sync:markRefusalsSeen'
> = {
  'sync:settings': (_input, ctx) => current(ctx),
  'sync:saveSettings': async ({ serverUrl, token }, ctx) => {
    const runner = syncRunner(ctx);
    const local = new LocalSyncState(ctx.database.sqlite);
    if (!serverUrl) {
      runner.stopLive();
      runner.forgetServer();
      local.setCapture(false);
      ctx.settings.set('serverUrl', '');
      ctx.settings.set('storeToken', '');
      return current(ctx);
    }
    // The saved token goes only to the server it was saved for: a new address needs it typed.
    const saved = ctx.settings.get('storeToken');
    const savedFor = ctx.settings.get('serverUrl');
    const reusable = saved && sameServer(savedFor, serverUrl);
    const plain = token || (reusable ? await ctx.secrets.decrypt(saved).catch(() => '') : '');
    if (!plain)
      throw new UserError(
        saved && !reusable
          ? 'サーバーのアドレスを変えたときは、この PC のトークンも入力してください。保存済みのトークンは新しいアドレスには送りません。'
          : 'この PC のトークンを入力してください（管理者がサーバーで PC を登録したときに表示されたものです）。',
      );
    // Checked against the server before anything is saved: a typo changes nothing, and an
    // unreachable server is said so, not worded as if the settings were kept.
    const hello = await new SyncTransport(serverUrl, plain, ctx.clock, ctx.version).hello().catch((err: unknown) => {
      if (err instanceof SyncError && err.kind === 'offline') {
        throw new UserError(
          `中央サーバー（${serverUrl}）に接続できないため、設定は保存していません。アドレスとネットワークを確かめて、もう一度「接続を確認して保存」を押してください。`,
          'sync_offline',
        );
      }
      throw err;
    });
    if (local.meta('sync_server_id') !== hello.serverId) local.resetCursor(hello.serverId);
    runner.stopLive();
    runner.forgetServer();
    ctx.settings.set('serverUrl', serverUrl);
    ctx.settings.set('storeToken', await ctx.secrets.encrypt(plain));
    // This PC's store is the one the server registered it for; head office sees all stores.
    ctx.settings.set('storeId', hello.client.isHeadOffice ? null : hello.client.storeId);
    local.setMetaValue(
      'sync_identity',
      JSON.stringify({ storeName: hello.client.storeName, isHeadOffice: hello.client.isHeadOffice }),
    );
    local.setCapture(true);
    runner.startLive();
    return current(ctx);
  },
  'sync:now': (_input, ctx) => syncRunner(ctx).syncNow(),
  'sync:status': (_input, ctx) => syncRunner(ctx).status(),
  'sync:refusals': ({ limit }, ctx) => new LocalSyncState(ctx.database.sqlite).refusals(limit),
  'sync:markRefusalsSeen': (_input, ctx) => {
    new LocalSyncState(ctx.database.sqlite).markRefusalsSeen(ctx.clock.now().toISOString());
    return { ok: true };
  },
};
