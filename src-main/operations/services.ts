import type BetterSqlite3 from 'better-sqlite3';
import { BundleService } from '../bundle/service.js';
import { DetailService } from '../detail/service.js';
import type { OrderQueries } from '../orders/queries.js';
import type { StatusEngine } from '../status/engine.js';
import { StockService } from '../stock/service.js';
import { ShipScanner } from './scan.js';
import { OperationsService } from './service.js';

/** The day's operations: stock check, status operations, bundles, detail edits. */
export interface DayServices {
  stock: StockService;
  operations: OperationsService;
  scanner: ShipScanner;
  bundles: BundleService;
  detail: DetailService;
}

export function createDayServices(
  sqlite: BetterSqlite3.Database,
  status: StatusEngine,
  orders: OrderQueries,
): DayServices {
  const detail = new DetailService(sqlite, orders);
  return {
    stock: new StockService(sqlite, status),
    operations: new OperationsService(sqlite, status),
    scanner: new ShipScanner(sqlite, status),
    bundles: new BundleService(sqlite, detail.editor),
    detail,
  };
}
