import type { z } from 'zod';
import { appApi } from './app.js';
import { demoApi } from './demo.js';
import { backupApi } from './backup.js';
import { printingApi } from './printing.js';
import { importsApi } from './imports.js';
import { csvExportApi } from './csv-export.js';
import { carriersApi } from './carriers.js';
import { shipFilesApi } from './ship-files.js';
import { mailApi } from './mail.js';
import { bundleApi } from './bundle.js';
import { splitApi } from './split.js';
import { resendApi } from './resend.js';
import { detailApi } from './detail.js';
import { operationsApi } from './operations.js';
import { packingApi } from './packing.js';
import { stockApi } from './stock.js';
import { syncApi } from './sync.js';
import { logsApi } from './logs.js';
import { updatesApi } from './updates.js';
import type { MethodSpec } from './define.js';
import { bulkApi } from './bulk.js';
import { subStatusApi } from './sub-status.js';
import { uiApi } from './ui.js';
import { ordersApi } from './orders.js';
import { settingsApi } from './settings.js';
import { staffApi } from './staff.js';

/**
 * THE contract: every method the renderer may call, by "domain:verb" name.
 * Each domain keeps its methods in its own file; this map joins them.
 */
export const contract = {
  ...appApi,
  ...demoApi,
  ...backupApi,
  ...printingApi,
  ...importsApi,
  ...csvExportApi,
  ...carriersApi,
  ...shipFilesApi,
  ...mailApi,
  ...ordersApi,
  ...bulkApi,
  ...subStatusApi,
  ...uiApi,
  ...settingsApi,
  ...staffApi,
  ...stockApi,
  ...operationsApi,
  ...packingApi,
  ...bundleApi,
  ...splitApi,
  ...resendApi,
  ...detailApi,
  ...syncApi,
  ...logsApi,
  ...updatesApi,
};

type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller sends (defaults may be left out). */
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
/** What a handler receives, after validation and defaults. */
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M] extends MethodSpec<z.ZodType, infer O> ? O : never;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './app.js';
export * from './demo.js';
export * from './backup.js';
export * from './errors.js';
export * from './files.js';
export * from './printing.js';
export * from './imports.js';
export * from './csv-export.js';
export * from './carriers.js';
export * from './events.js';
export * from './mail.js';
export * from './orders.js';
export * from './bulk.js';
export * from './sub-status.js';
export * from './ui.js';
export * from './settings.js';
export * from './staff.js';
export * from './stock.js';
export * from './stock-import.js';
export * from './sync.js';
export * from './logs.js';
export * from './updates.js';
export * from './operations.js';
export * from './bundle.js';
export * from './split.js';
export * from './resend.js';
export * from './detail.js';
