import type { Database } from '../db/open.js';
import { createFileServices, type FileServices } from '../files/file-services.js';
import { MailService } from '../mail/mail-service.js';
import { BulkChanges } from '../bulk/service.js';
import { SubStatusMaster } from '../sub-status/service.js';
import { OrderQueries } from '../orders/queries.js';
import { StatusEngine } from '../status/engine.js';
import { StaffRoster } from '../staff/roster.js';
import { createDayServices, type DayServices } from '../operations/services.js';

/** The long-lived service objects of one open database (prepared statements live here). */
export interface Services extends DayServices {
  orders: OrderQueries;
  bulk: BulkChanges;
  subStatuses: SubStatusMaster;
  status: StatusEngine;
  mail: MailService;
  files: FileServices;
  staff: StaffRoster;
}

export function createServices(database: Database): Services {
  const orders = new OrderQueries(database.sqlite);
  const status = new StatusEngine(database.sqlite);
  return {
    orders,
    bulk: new BulkChanges(database.sqlite),
    subStatuses: new SubStatusMaster(database.sqlite),
    status,
    mail: new MailService(database.sqlite),
    files: createFileServices(),
    staff: new StaffRoster(database.sqlite),
    ...createDayServices(database.sqlite, status, orders),
  };
}
