import { BulkChanges } from '../bulk/service.js';
import { BundleService } from '../bundle/service.js';
import { OrderSplitService } from '../split/service.js';
import type { Database } from '../db/open.js';
import { DetailService } from '../detail/service.js';
import { createFileServices, type FileServices } from '../files/file-services.js';
import { MailDesk } from '../mail/mail-desk.js';
import { MailService } from '../mail/mail-service.js';
import { ShipScanner } from '../operations/scan.js';
import { OperationsService } from '../operations/service.js';
import { PackingService } from '../packing/service.js';
import { OrderQueries } from '../orders/queries.js';
import { StatusEngine } from '../status/engine.js';
import { StockService } from '../stock/service.js';
import { SubStatusMaster } from '../sub-status/service.js';
import type { SyncRunner } from '../sync/runner.js';
import { SyncSettingsService, type SyncSettingsParts } from '../sync/settings-service.js';
import { StaffRoster } from '../staff/roster.js';

/** The long-lived service objects of one open database (prepared statements live here). */
export interface Services {
  orders: OrderQueries;
  bulk: BulkChanges;
  subStatuses: SubStatusMaster;
  status: StatusEngine;
  mail: MailService;
  mailDesk: MailDesk;
  files: FileServices;
  stock: StockService;
  operations: OperationsService;
  scanner: ShipScanner;
  packing: PackingService;
  bundles: BundleService;
  splits: OrderSplitService;
  detail: DetailService;
  syncSettings: SyncSettingsService;
  /** The app's one sync runner: built once with the app, it outlives a reopened database. */
  sync: SyncRunner;
  staff: StaffRoster;
}

/** The app's parts the services are given besides the database (settings, secrets, clock, the sync runner). */
export type AppParts = Omit<SyncSettingsParts, 'sqlite' | 'sync'> & { sync: SyncRunner };

/**
 * The composition root: every service of an open database, built once, each given the
 * parts it works with. The status engine is shared by every service that moves a status,
 * so each business rule keeps its one door (OperationsService, StockService, ShipScanner).
 */
export function createServices(database: Database, parts: AppParts): Services {
  const { sqlite } = database;
  const orders = new OrderQueries(sqlite);
  const status = new StatusEngine(sqlite);
  const detail = new DetailService(sqlite, orders);
  const mail = new MailService(sqlite);
  const packing = new PackingService(sqlite, () => parts.settings.get('packingStores') ?? []);
  return {
    orders,
    bulk: new BulkChanges(sqlite),
    subStatuses: new SubStatusMaster(sqlite),
    status,
    mail,
    mailDesk: new MailDesk(sqlite, mail),
    files: createFileServices(),
    stock: new StockService(sqlite, status),
    operations: new OperationsService(sqlite, status, packing),
    scanner: new ShipScanner(sqlite, status, packing),
    packing,
    bundles: new BundleService(sqlite, detail.editor),
    splits: new OrderSplitService(sqlite),
    detail,
    syncSettings: new SyncSettingsService({ ...parts, sqlite }),
    sync: parts.sync,
    staff: new StaffRoster(sqlite),
  };
}
