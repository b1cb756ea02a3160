import type { Handlers } from '../core/dispatch.js';
import { exportShipFile } from './ship-file-export.js';

export const shipFileHandlers: Handlers<'shipFiles:export'> = {
  'shipFiles:export': (input, ctx) => exportShipFile(ctx, input),
};
