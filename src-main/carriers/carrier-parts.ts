import type BetterSqlite3 from 'better-sqlite3';
import type { AppContext } from '../core/app-context.js';
import type { PendingFiles } from '../files/file-services.js';
import type { OperationsService } from '../operations/service.js';
import type { PrintService } from '../printing/print-service.js';
import type { AppSettings } from '../settings/settings.js';
import type { TrackingPlan } from './tracking-plan.js';

/** What the carriers' files work with: label CSVs out (E18), issued tracking numbers in. */
export interface CarrierParts extends Pick<AppContext, 'settings' | 'clock' | 'actor'> {
  sqlite: BetterSqlite3.Database;
  /** The checked orders as the documents print them (the label's addresses and items). */
  printing: Pick<PrintService, 'loadData'>;
  /** 送り状番号登録's one door. */
  operations: Pick<OperationsService, 'registerTracking'>;
  /** Issued-data previews waiting for 登録, by preview id. */
  trackingImports: PendingFiles<TrackingPlan>;
}

/** The codes the label files need, as saved (none yet: empty, B2's freight number 01). */
export function labelCodes(parts: Pick<CarrierParts, 'settings'>): AppSettings['shippingLabels'] {
  return (
    parts.settings.get('shippingLabels') ?? { yamatoCustomerCode: '', yamatoFreightNo: '01', sagawaCustomerCode: '' }
  );
}
