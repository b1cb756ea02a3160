import { UserError } from '../../src-shared/api/errors.js';
import type { Handlers } from '../core/dispatch.js';

export const settingsHandlers: Handlers<'settings:general' | 'settings:saveGeneral'> = {
  'settings:general': (_input, ctx) => ({
    operator: ctx.settings.get('operator'),
    pcId: ctx.settings.get('pcId'),
    storeId: ctx.settings.get('storeId'),
  }),
  'settings:saveGeneral': (input, ctx) => {
    if (input.storeId && !ctx.database.sqlite.prepare('SELECT 1 FROM stores WHERE id = ?').get(input.storeId)) {
      throw new UserError('指定した店舗が見つかりません。店舗一覧から選んでください。');
    }
    ctx.settings.set('operator', input.operator);
    ctx.settings.set('pcId', input.pcId);
    ctx.settings.set('storeId', input.storeId);
    return input;
  },
};
