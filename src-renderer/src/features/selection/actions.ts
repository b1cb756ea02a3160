import { invoke } from '../../api/client.js';
import type { KeyAction } from '../../screen/commands.js';
import type { ExtensionItem } from '../../screen/commands.js';
import { needsChecked, needsRows } from '../../screen/availability.js';

/**
 * F2 全選択: every order of the list shown — a tab, a search result or an extraction —
 * loaded in the grid or not (the ids come from the main process).
 */
export const selectAllAction: KeyAction = {
  async run(screen) {
    screen.setSelection(await invoke('orders:ids', screen.list));
  },
  unavailable: needsRows,
};

/** F3 全解除 */
export const clearAllAction: KeyAction = {
  run: (screen) => screen.setSelection([]),
  unavailable: needsChecked,
};

/** E1 反転: the unchecked orders of the list become checked and the checked ones not. */
export const invertSelectionItem: ExtensionItem = {
  id: 'E1',
  label: '反転',
  async run(screen) {
    const all = await invoke('orders:ids', screen.list);
    screen.setSelection(all.filter((id) => !screen.selection.has(id)));
  },
  unavailable: needsRows,
};
