import type { ConsoleAccount } from '../../src-shared/console/accounts.js';

/** What every console page receives. */
export interface PageProps {
  /** 管理者: the page offers its changes; 閲覧 sees the same page read-only. */
  canWrite: boolean;
  account: ConsoleAccount;
}
