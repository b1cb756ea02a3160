import type { Handlers } from '../core/dispatch.js';
import { exportOrdersCsv } from './order-csv.js';

export const csvExportHandlers: Handlers<'csv:export'> = {
  'csv:export': (input, ctx) => exportOrdersCsv(ctx, input),
};
