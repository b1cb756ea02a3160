import type { ExtensionItem } from '../../screen/commands.js';
import { PrintDialog } from './PrintDialog.js';

/** E8 ピッキングリスト発行 (the 納品書 prints from the same dialog). */
export const pickingListItem: ExtensionItem = {
  id: 'E8',
  label: 'ピッキングリスト発行',
  run(screen) {
    if (screen.selection.size === 0) {
      screen.notify('error', 'ピッキングリストを発行する注文にチェックを入れてください（F2 で全選択できます）。');
      return;
    }
    screen.openDialog(<PrintDialog orderIds={[...screen.selection]} />);
  },
};
