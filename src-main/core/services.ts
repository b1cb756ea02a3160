import type { Database } from '../db/open.js';
import { createFileServices, type FileServices } from '../files/file-services.js';
import { MailService } from '../mail/mail-service.js';
import { OrderQueries } from '../orders/queries.js';
import { StatusEngine } from '../status/engine.js';
import { createDayServices, type DayServices } from '../operations/services.js';

/** The long-lived service objects of one open database (prepared statements live here). */
export interface Services extends DayServices {
  orders: OrderQueries;
  status: StatusEngine;
  mail: MailService;
  files: FileServices;
}

export function createServices(database: Database): Services {
  const orders = new OrderQueries(database.sqlite);
  const status = new StatusEngine(database.sqlite);
  return {
    orders,
    status,
    mail: new MailService(database.sqlite),
    files: createFileServices(),
    ...createDayServices(database.sqlite, status, orders),
  };
}
