import type { ExtensionItem } from '../../screen/commands.js';
import { PackingDialog } from './PackingDialog.js';

/** Not in the manual's E1–E20: 検品 at the packing table, before 出荷確定. */
export const packingItem: ExtensionItem = {
  id: 'E21',
  label: '検品',
  run: (screen) => screen.openDialog(<PackingDialog />),
};
