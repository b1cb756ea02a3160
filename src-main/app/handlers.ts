import type { Handlers } from '../core/dispatch.js';
import { appInfo } from './app-info.js';
import { readMasters } from './masters.js';

export const appHandlers: Handlers<'app:info' | 'app:masters'> = {
  'app:info': (_input, ctx) => appInfo(ctx),
  'app:masters': (_input, ctx) => readMasters(ctx.database.sqlite),
};
