import type { ExtensionItem } from '../../screen/commands.js';
import { needsChecked } from '../../screen/availability.js';
import { PrintDialog } from './PrintDialog.js';

/** E8 ピッキングリスト発行 (the 納品書 prints from the same dialog). */
export const pickingListItem: ExtensionItem = {
  id: 'E8',
  label: 'ピッキングリスト発行',
  unavailable: needsChecked,
  run: (screen) => screen.openDialog(<PrintDialog orderIds={[...screen.selection]} />),
};
