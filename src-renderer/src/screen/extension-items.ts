import { dayOperationItems } from '../features/operations/operations.js';
import { markShippingSentItem } from '../features/mail/actions.js';
import { statusItems, storeAndRatingItems } from '../features/bulk/items.js';
import { extractionItems } from '../features/extraction/items.js';
import { invertSelectionItem } from '../features/selection/actions.js';
import { carrierItems } from '../features/carriers/items.js';
import { csvExportItem } from '../features/csv-export/items.js';
import { pickingListItem } from '../features/printing/items.js';
import { packingItem } from '../features/packing/items.js';
import { splitItem } from '../features/split/items.js';
import { resendItem } from '../features/resend/items.js';
import type { ExtensionItem } from './commands.js';

const eNumber = (item: ExtensionItem) => Number(item.id.slice(1));

/** The menu in E-number order (the manual's); each feature adds its items here, one line each. */
export const EXTENSION_ITEMS: ExtensionItem[] = [
  invertSelectionItem,
  ...extractionItems,
  ...storeAndRatingItems,
  ...statusItems,
  pickingListItem,
  csvExportItem,
  markShippingSentItem,
  ...dayOperationItems,
  ...carrierItems,
  packingItem,
  splitItem,
  resendItem,
].sort((a, b) => eNumber(a) - eNumber(b));
