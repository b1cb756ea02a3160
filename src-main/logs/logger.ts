import path from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';

/**
 * What the store app writes to its log: one interface, two implementations — rotating files
 * written here (browser mode, the service host, tests: file-logger.ts) and electron-log in the
 * desktop app's main process (src-main/electron/electron-logger.ts). Both redact personal data.
 */
export interface AppLogger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

/** The logs live in <data folder>/logs, beside Electron's crash.log. */
export const logDir = (dataDir: string) => path.join(dataDir, 'logs');

/** Daily files: <prefix>-YYYY-MM-DD.log, then .1.log, .2.log … when one day's file grows past its size. */
export const LOG_FILE = /^(chumon|main)-(\d{4}-\d{2}-\d{2})(\.\d+)?\.log$/;

/** A detail (an Error, an object, text) as one line of text. */
export function detailText(detail: unknown): string {
  if (detail === undefined) return '';
  if (detail instanceof Error) return detail.stack ?? `${detail.name}: ${detail.message}`;
  if (typeof detail === 'string') return detail;
  try {
    return JSON.stringify(detail);
  } catch {
    return String(detail);
  }
}
