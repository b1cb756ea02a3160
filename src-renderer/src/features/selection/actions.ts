import { invoke } from '../../api/client.js';
import type { ExtensionItem, KeyAction } from '../../screen/commands.js';

/**
 * F2 全選択: every order of the list shown — a tab, a search result or an extraction —
 * loaded in the grid or not (the ids come from the main process).
 */
export const selectAllAction: KeyAction = {
  async run(screen) {
    screen.setSelection(await invoke('orders:ids', screen.list));
  },
  enabled: (screen) => screen.listTotal !== 0,
};

/** F3 全解除 */
export const clearAllAction: KeyAction = {
  run: (screen) => screen.setSelection([]),
  enabled: (screen) => screen.selection.size > 0,
};

/** E1 反転: the unchecked orders of the list become checked and the checked ones not. */
export const invertSelectionItem: ExtensionItem = {
  id: 'E1',
  label: '反転',
  async run(screen) {
    const all = await invoke('orders:ids', screen.list);
    screen.setSelection(all.filter((id) => !screen.selection.has(id)));
  },
  enabled: (screen) => screen.listTotal !== 0,
};
