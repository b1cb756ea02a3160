import type { FunctionKey } from '../keys.js';
import { bundleAction } from '../features/bundle/action.js';
import { detailAction } from '../features/detail/action.js';
import { syncNowAction } from '../features/sync/action.js';
import { extensionMenuAction } from '../features/extension/action.js';
import { importAction } from '../features/imports/action.js';
import { mailLogAction, sendMailAction } from '../features/mail/actions.js';
import { searchAction } from '../features/search/action.js';
import { clearAllAction, selectAllAction } from '../features/selection/actions.js';
import { stockCheckAction } from '../features/stock/action.js';
import type { KeyAction } from './commands.js';

/**
 * Every function key's action, one line per key; each feature keeps its action in its own
 * folder under features/. A key without an entry says plainly that it is not configured.
 */
export const KEY_ACTIONS: Partial<Record<FunctionKey, KeyAction>> = {
  F1: importAction,
  F2: selectAllAction,
  F3: clearAllAction,
  F4: extensionMenuAction,
  F5: searchAction,
  F7: sendMailAction,
  F8: mailLogAction,
  F6: syncNowAction,
  F10: bundleAction,
  F11: stockCheckAction,
  F12: detailAction,
};
