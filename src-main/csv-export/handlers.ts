import type { Handlers } from '../core/dispatch.js';
import { exportOrdersCsv } from './order-csv.js';

export const csvExportHandlers: Handlers<'csvExport:run'> = {
  'csvExport:run': (input, ctx) => exportOrdersCsv(ctx, input),
};
