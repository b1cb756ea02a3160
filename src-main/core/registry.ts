import { appHandlers } from '../app/handlers.js';
import { mailHandlers } from '../mail/handlers.js';
import { mailMasterHandlers } from '../mail/master-handlers.js';
import { orderHandlers } from '../orders/handlers.js';
import { settingsHandlers } from '../settings/handlers.js';
import type { HandlerMap } from './dispatch.js';

/** Every contract method's handler; the type makes a missing one a compile error. */
export const handlers: HandlerMap = {
  ...appHandlers,
  ...mailHandlers,
  ...mailMasterHandlers,
  ...orderHandlers,
  ...settingsHandlers,
};
