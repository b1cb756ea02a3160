import type { Handlers } from '../core/dispatch.js';

export const backupHandlers: Handlers<
  'backup:list' | 'backup:create' | 'backup:restore' | 'backup:settings' | 'backup:saveSettings'
> = {
  'backup:list': (_input, ctx) => ctx.services.backup.list(),
  'backup:create': (_input, ctx) => ctx.services.backup.create('manual'),
  'backup:restore': ({ name }, ctx) => ctx.services.backup.restore(name),
  'backup:settings': (_input, ctx) => ctx.services.backup.settings(),
  'backup:saveSettings': (input, ctx) => ctx.services.backup.saveSettings(input),
};
