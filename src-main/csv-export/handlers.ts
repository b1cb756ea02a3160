import type { Handlers } from '../core/dispatch.js';

export const csvExportHandlers: Handlers<'csvExport:run'> = {
  'csvExport:run': (input, ctx) => ctx.services.csvExport.run(input),
};
