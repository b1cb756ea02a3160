import type { KeyAction } from '../../screen/commands.js';
import { SearchDialog } from './SearchDialog.js';

/** F5 注文検索: the browser's reload is suppressed inside the app; here F5 searches. */
export const searchAction: KeyAction = {
  run: (screen) => screen.openDialog(<SearchDialog />),
};
