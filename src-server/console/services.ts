import type { ServerDb } from '../db/open.js';
import { ConsoleAccounts } from './accounts.js';
import { AuditLog } from './audit.js';
import { ChannelDesk, type ChannelParts } from './channel-desk.js';
import { Fleet } from './fleet.js';
import { IntakeUploads } from './intake-preview.js';
import { LogStore } from './log-store.js';
import { ConsoleRecords } from './records.js';
import { ReleaseStore } from './releases.js';
import { StaffList } from './staff.js';

/** The console's services, built once per server with their dependencies. */
export interface ConsoleServices {
  accounts: ConsoleAccounts;
  audit: AuditLog;
  channels: ChannelDesk;
  fleet: Fleet;
  intake: IntakeUploads;
  logs: LogStore;
  records: ConsoleRecords;
  releases: ReleaseStore;
  staff: StaffList;
}

export function createConsoleServices(
  db: ServerDb,
  uploadsDir: string,
  notify: () => void,
  channels: ChannelParts | null,
): ConsoleServices {
  return {
    accounts: new ConsoleAccounts(db),
    audit: new AuditLog(db),
    channels: new ChannelDesk(db, channels, notify),
    fleet: new Fleet(db, notify),
    intake: new IntakeUploads(db, notify),
    logs: new LogStore(db, uploadsDir),
    records: new ConsoleRecords(db),
    releases: new ReleaseStore(db, uploadsDir),
    staff: new StaffList(db, notify),
  };
}
