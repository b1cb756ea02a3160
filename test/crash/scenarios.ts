import { BACKUP_SCENARIOS } from './scenarios/backup.js';
import { CORE_SCENARIOS } from './scenarios/core.js';
import { MAIL_SCENARIOS } from './scenarios/mail.js';
import { STOCK_SCENARIOS } from './scenarios/stock.js';
import { SYNC_SCENARIOS } from './scenarios/sync.js';

/** Every heavy write the crash harness kills, by name (the worker takes the name). */
export const SCENARIOS = {
  ...CORE_SCENARIOS,
  ...SYNC_SCENARIOS,
  ...MAIL_SCENARIOS,
  ...BACKUP_SCENARIOS,
  ...STOCK_SCENARIOS,
};

export type ScenarioName = keyof typeof SCENARIOS;
