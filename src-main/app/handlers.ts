import type { Handlers } from '../core/dispatch.js';
import { readMasters } from './masters.js';

export const appHandlers: Handlers<'app:info' | 'app:masters'> = {
  'app:info': (_input, ctx) => ctx.services.appInfo.info(),
  'app:masters': (_input, ctx) => readMasters(ctx.database.sqlite),
};
