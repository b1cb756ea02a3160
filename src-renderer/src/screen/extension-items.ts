import { dayOperationItems } from '../features/operations/operations.js';
import { markShippingSentItem } from '../features/mail/actions.js';
import { invertSelectionItem } from '../features/selection/actions.js';
import { carrierItems } from '../features/carriers/items.js';
import { csvExportItem } from '../features/csv-export/items.js';
import { pickingListItem } from '../features/printing/items.js';
import type { ScreenContext } from './screen-context.js';

/** One entry of the F4 拡張 menu (E1–E12), in the manual's words. */
export interface ExtensionItem {
  id: `E${number}`;
  label: string;
  run(screen: ScreenContext): void | Promise<void>;
  enabled?(screen: ScreenContext): boolean;
}

/** The menu in the manual's order; each feature adds its item here, one line each. */
export const EXTENSION_ITEMS: ExtensionItem[] = [
  invertSelectionItem,
  pickingListItem,
  csvExportItem,
  markShippingSentItem,
  ...dayOperationItems,
  ...carrierItems,
];
