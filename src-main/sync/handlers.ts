import { UserError } from '../../src-shared/api/errors.js';
import type { SyncSettings } from '../../src-shared/api/sync.js';
import type { ServiceContext } from '../core/context.js';
import type { Handlers } from '../core/dispatch.js';
import { LocalSyncState } from './local-state.js';
import { syncRunner } from './runner.js';
import { SyncTransport } from './transport.js';

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
    const saved = ctx.settings.get('storeToken');
    const plain = token || (saved ? await ctx.secrets.decrypt(saved).catch(() => '') : '');
    if (!plain)
      throw new UserError(
        'この PC のトークンを入力してください（管理者がサーバーで PC を登録したときに表示されたものです）。',
      );
    // Checked against the server before anything is saved: a typo changes nothing.
    const hello = await new SyncTransport(serverUrl, plain, ctx.clock, ctx.version).hello();
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
    ctx.emit({ type: 'orders:changed' });
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
