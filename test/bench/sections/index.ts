import type { BenchSection } from '../harness.js';
import { channelsSection } from './channels.js';
import { consoleSection } from './console.js';
import { filesSection } from './files.js';
import { labelWishesSection } from './label-wishes.js';
import { listSearch } from './list-search.js';
import { mailSection } from './mail.js';
import { operationsSection } from './operations.js';
import { packingSection } from './packing.js';
import { stockSection } from './stock.js';
import { storeCore } from './store-core.js';
import { serviceHostSection } from './service-host.js';
import { syncSection } from './sync.js';

/** Every bench section, in run order; each issue's figures live in their own file. */
export const SECTIONS: BenchSection[] = [
  storeCore,
  mailSection,
  operationsSection,
  packingSection,
  syncSection,
  filesSection,
  labelWishesSection,
  listSearch,
  channelsSection,
  serviceHostSection,
  stockSection,
  consoleSection,
];
