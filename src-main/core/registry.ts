import { appHandlers } from '../app/handlers.js';
import { backupHandlers } from '../backup/handlers.js';
import { demoHandlers } from '../demo/handlers.js';
import { printingHandlers } from '../printing/handlers.js';
import { importHandlers } from '../imports/handlers.js';
import { csvExportHandlers } from '../csv-export/handlers.js';
import { carrierHandlers } from '../carriers/handlers.js';
import { shipFileHandlers } from '../ship-files/handlers.js';
import { mailHandlers } from '../mail/handlers.js';
import { mailMasterHandlers } from '../mail/master-handlers.js';
import { bundleHandlers } from '../bundle/handlers.js';
import { splitHandlers } from '../split/handlers.js';
import { resendHandlers } from '../resend/handlers.js';
import { detailHandlers } from '../detail/handlers.js';
import { operationsHandlers } from '../operations/handlers.js';
import { packingHandlers } from '../packing/handlers.js';
import { stockHandlers } from '../stock/handlers.js';
import { bulkHandlers } from '../bulk/handlers.js';
import { subStatusHandlers } from '../sub-status/handlers.js';
import { uiHandlers } from '../ui/handlers.js';
import { orderHandlers } from '../orders/handlers.js';
import { settingsHandlers } from '../settings/handlers.js';
import { staffHandlers } from '../staff/handlers.js';
import { syncHandlers } from '../sync/handlers.js';
import { logsHandlers } from '../logs/handlers.js';
import { updatesHandlers } from '../updates/handlers.js';
import type { HandlerMap } from './dispatch.js';

/** Every contract method's handler; the type makes a missing one a compile error. */
export const handlers: HandlerMap = {
  ...appHandlers,
  ...demoHandlers,
  ...backupHandlers,
  ...printingHandlers,
  ...importHandlers,
  ...csvExportHandlers,
  ...carrierHandlers,
  ...shipFileHandlers,
  ...mailHandlers,
  ...mailMasterHandlers,
  ...orderHandlers,
  ...bulkHandlers,
  ...subStatusHandlers,
  ...uiHandlers,
  ...settingsHandlers,
  ...staffHandlers,
  ...stockHandlers,
  ...operationsHandlers,
  ...packingHandlers,
  ...bundleHandlers,
  ...splitHandlers,
  ...resendHandlers,
  ...detailHandlers,
  ...syncHandlers,
  ...logsHandlers,
  ...updatesHandlers,
};
