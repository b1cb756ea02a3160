import type { Database } from '../db/open.js';
import { MailService } from '../mail/mail-service.js';
import { OrderQueries } from '../orders/queries.js';
import { StatusEngine } from '../status/engine.js';

/** The long-lived service objects of one open database (prepared statements live here). */
export interface Services {
  orders: OrderQueries;
  status: StatusEngine;
  mail: MailService;
}

export function createServices(database: Database): Services {
  return {
    orders: new OrderQueries(database.sqlite),
    status: new StatusEngine(database.sqlite),
    mail: new MailService(database.sqlite),
  };
}
