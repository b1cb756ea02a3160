import type { BackupService } from '../backup/service.js';
import { BulkChanges } from '../bulk/service.js';
import { BundleService } from '../bundle/service.js';
import { CarrierService } from '../carriers/carrier-service.js';
import { OrderSplitService } from '../split/service.js';
import { OrderResendService } from '../resend/service.js';
import type { Database } from '../db/open.js';
import type { AppContext } from './app-context.js';
import { OrderCsvExport } from '../csv-export/order-csv.js';
import { DetailService } from '../detail/service.js';
import { createFileServices, type FileServices } from '../files/file-services.js';
import { OrderImportService } from '../imports/order-import-service.js';
import { MailDesk } from '../mail/mail-desk.js';
import { applyMailPolicy } from '../mail/mail-due.js';
import { MailMaster } from '../mail/mail-master.js';
import { MailService } from '../mail/mail-service.js';
import { ShipScanner } from '../operations/scan.js';
import { OperationsService } from '../operations/service.js';
import { PackingService } from '../packing/service.js';
import { PrintService } from '../printing/print-service.js';
import { OrderQueries } from '../orders/queries.js';
import { StatusEngine } from '../status/engine.js';
import { StockService } from '../stock/service.js';
import { SubStatusMaster } from '../sub-status/service.js';
import type { SyncRunner } from '../sync/runner.js';
import { SyncSettingsService, type SyncSettingsParts } from '../sync/settings-service.js';
import { StaffRoster } from '../staff/roster.js';
import { AppInfoService } from '../app/app-info.js';
import { ShipFileExport } from '../ship-files/ship-file-export.js';
import { UiMemory } from '../ui/ui-memory.js';

/** The long-lived service objects of one open database (prepared statements live here). */
export interface Services {
  orders: OrderQueries;
  bulk: BulkChanges;
  subStatuses: SubStatusMaster;
  status: StatusEngine;
  mail: MailService;
  mailDesk: MailDesk;
  mailMaster: MailMaster;
  files: FileServices;
  printing: PrintService;
  csvExport: OrderCsvExport;
  carriers: CarrierService;
  imports: OrderImportService;
  stock: StockService;
  operations: OperationsService;
  scanner: ShipScanner;
  packing: PackingService;
  bundles: BundleService;
  splits: OrderSplitService;
  resends: OrderResendService;
  detail: DetailService;
  syncSettings: SyncSettingsService;
  /** The app's one sync runner: built once with the app, it outlives a reopened database. */
  sync: SyncRunner;
  /** The app's one backup service: like the sync runner, it outlives a reopened database. */
  backup: BackupService;
  staff: StaffRoster;
  appInfo: AppInfoService;
  shipFiles: ShipFileExport;
  ui: UiMemory;
}

/** The app's parts the services are given besides the database (settings, secrets, clock, folders, who acts, the sync runner). */
type AppParts = Omit<SyncSettingsParts, 'sqlite' | 'sync'> &
  Pick<AppContext, 'paths' | 'actor' | 'emit' | 'mode'> & { sync: SyncRunner; backup: BackupService };

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
  const packing = new PackingService(sqlite, () => parts.settings.get('packingStores') ?? []);
  const files = createFileServices();
  const { settings, secrets, paths, clock, actor, emit } = parts;
  const mail = new MailService(sqlite, { settings, secrets, clock, actor, emit });
  const printing = new PrintService({ sqlite, settings, paths, clock, actor, orders, printer: () => files.printer });
  const operations = new OperationsService(sqlite, status, packing);
  const trackingImports = files.trackingImports;
  const stock = new StockService(sqlite, status);
  // メール未送信 follows this PC's メール方針 (settings live outside the database file).
  if (!sqlite.readonly) applyMailPolicy(sqlite, settings.get('mailPolicy') ?? {});
  return {
    orders,
    bulk: new BulkChanges(sqlite),
    subStatuses: new SubStatusMaster(sqlite),
    status,
    mail,
    mailDesk: new MailDesk(sqlite, mail, { settings, clock, actor }),
    mailMaster: new MailMaster({ sqlite, templates: mail.templates, settings, secrets, clock, actor }),
    files,
    csvExport: new OrderCsvExport({ sqlite, settings, clock, orders }),
    printing,
    imports: new OrderImportService({ sqlite, clock, actor, orders, pending: files.orderImports }),
    carriers: new CarrierService({ sqlite, settings, clock, actor, printing, operations, trackingImports }),
    stock,
    operations,
    scanner: new ShipScanner(sqlite, status, packing),
    packing,
    bundles: new BundleService(sqlite, detail.editor),
    splits: new OrderSplitService(sqlite),
    resends: new OrderResendService(sqlite, stock),
    detail,
    syncSettings: new SyncSettingsService({ ...parts, sqlite }),
    sync: parts.sync,
    backup: parts.backup,
    staff: new StaffRoster(sqlite),
    appInfo: new AppInfoService({ sqlite, actor, version: parts.version, mode: parts.mode }),
    shipFiles: new ShipFileExport({ sqlite, clock, actor }),
    ui: new UiMemory({ settings }),
  };
}
