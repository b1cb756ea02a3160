import type { Handlers } from '../core/dispatch.js';
import { backupFolder, listBackups } from './files.js';
import { backupSettings, createBackup, restoreBackup } from './service.js';

export const backupHandlers: Handlers<
  'backup:list' | 'backup:create' | 'backup:restore' | 'backup:settings' | 'backup:saveSettings'
> = {
  'backup:list': (_input, ctx) => {
    const folder = backupFolder(ctx.database.file);
    return { folder, backups: listBackups(folder) };
  },
  'backup:create': (_input, ctx) => createBackup(ctx, 'manual'),
  'backup:restore': ({ name }, ctx) => restoreBackup(ctx, name),
  'backup:settings': (_input, ctx) => backupSettings(ctx),
  'backup:saveSettings': (input, ctx) => {
    ctx.settings.set('backup', input);
    return backupSettings(ctx);
  },
};
