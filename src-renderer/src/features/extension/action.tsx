import type { KeyAction } from '../../screen/commands.js';
import { ExtensionMenu } from './ExtensionMenu.js';

/** F4 拡張 */
export const extensionMenuAction: KeyAction = {
  run: (screen) => screen.openDialog(<ExtensionMenu />),
};
