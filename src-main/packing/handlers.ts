import { UserError } from '../../src-shared/api/errors.js';
import type { Handlers } from '../core/dispatch.js';

type PackingMethods = 'packing:open' | 'packing:scan' | 'packing:reset' | 'packing:settings' | 'packing:saveSettings';

export const packingHandlers: Handlers<PackingMethods> = {
  'packing:settings': (_input, ctx) => ({ requiredStores: ctx.settings.get('packingStores') ?? [] }),
  'packing:saveSettings': ({ storeId, required }, ctx) => {
    if (!ctx.database.sqlite.prepare('SELECT 1 FROM stores WHERE id = ?').get(storeId)) {
      throw new UserError('指定した店舗が見つかりません。店舗一覧から選んでください。');
    }
    const others = (ctx.settings.get('packingStores') ?? []).filter((id) => id !== storeId);
    ctx.settings.set('packingStores', required ? [...others, storeId] : others);
    return { requiredStores: ctx.settings.get('packingStores') };
  },
  'packing:open': ({ code }, ctx) => ctx.services.packing.open(code),
  'packing:scan': ({ orderId, code }, ctx) => ctx.services.packing.scan(orderId, code, ctx.actor(), ctx.clock.now()),
  'packing:reset': ({ orderId }, ctx) => ctx.services.packing.reset(orderId, ctx.actor(), ctx.clock.now()),
};
