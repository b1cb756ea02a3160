import { renameSync, existsSync } from 'node:fs';
import path from 'node:path';
import log from 'electron-log/main';
import { jstToday } from '../../src-shared/text/jst.js';
import { pruneLogs } from '../logs/file-logger.js';
import type { AppLogger } from '../logs/logger.js';
import { redactValue } from '../logs/redact.js';

/**
 * The desktop app's main process log: electron-log writing <data folder>/logs/main-YYYY-MM-DD.log
 * (the same daily names and rotation as the services' file log, so 「ログを本部へ送信」 finds
 * both), every message redacted by the same rules before any transport sees it.
 */
export function createElectronLogger(dataDir: string, keepDays = 14): AppLogger {
  const dir = path.join(dataDir, 'logs');
  log.transports.file.resolvePathFn = () => path.join(dir, `main-${jstToday()}.log`);
  log.transports.file.maxSize = 5 * 1024 * 1024;
  log.transports.file.archiveLogFn = (old) => {
    const file = old.path;
    let n = 1;
    while (existsSync(file.replace(/\.log$/, `.${n}.log`))) n++;
    renameSync(file, file.replace(/\.log$/, `.${n}.log`));
    pruneLogs(dir, jstToday(), keepDays);
  };
  log.hooks.push((message) => ({ ...message, data: message.data.map((d: unknown) => redactValue(d)) }));
  log.errorHandler.startCatching({ showDialog: false });
  pruneLogs(dir, jstToday(), keepDays);
  return {
    info: (message, detail) => (detail === undefined ? log.info(message) : log.info(message, detail)),
    warn: (message, detail) => (detail === undefined ? log.warn(message) : log.warn(message, detail)),
    error: (message, detail) => (detail === undefined ? log.error(message) : log.error(message, detail)),
  };
}
