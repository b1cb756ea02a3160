import type { KeyAction } from '../../screen/commands.js';
import { BundleDialog } from './BundleDialog.js';

/** F10 同梱設定: the candidate groups of the checked orders, or of every open order. */
export const bundleAction: KeyAction = {
  run: (screen) => screen.openDialog(<BundleDialog orderIds={[...screen.selection]} />),
};
