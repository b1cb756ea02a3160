import type { KeyAction } from '../../screen/commands.js';
import { ImportDialog } from './ImportDialog.js';

/** F1 Yahoo!オークションCSV取込 */
export const importAction: KeyAction = {
  run: (screen) => screen.openDialog(<ImportDialog />),
};
