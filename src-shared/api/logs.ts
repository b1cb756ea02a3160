import { z } from 'zod';
import { method } from './define.js';
import { multiLineText } from './text.js';

/** What 「ログを本部へ送信」 sent. */
export interface LogsSent {
  files: number;
  bytes: number;
  /** Files left out to stay within the server's limits. */
  skipped: number;
}

export const logsApi = {
  /** Sends the last 7 days of logs (and crash dumps) to head office. */
  'logs:send': method<LogsSent>()(z.object({ note: multiLineText().trim().max(1000).default('') })),
};
