import { appendFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { jstToday } from '../../src-shared/text/jst.js';
import type { Clock } from '../core/app-context.js';
import { detailText, LOG_FILE, type AppLogger, type LogLevel } from './logger.js';
import { redactText } from './redact.js';

interface FileLoggerOptions {
  dir: string;
  clock: Clock;
  /** File name prefix: chumon (the services), main (Electron's main process). */
  prefix?: 'chumon' | 'main';
  /** A day's file is moved aside (.1.log, .2.log …) past this size. */
  maxFileBytes?: number;
  /** Files older than this many days are deleted. */
  keepDays?: number;
}

/** Deletes log files whose day is older than keepDays (by the date in their name). */
export function pruneLogs(dir: string, today: string, keepDays: number): void {
  const oldest = new Date(Date.parse(`${today}T00:00:00Z`) - keepDays * 86_400_000).toISOString().slice(0, 10);
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const day = LOG_FILE.exec(name)?.[2];
    if (day && day < oldest) rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * The store app's log as rotating files: one a day (JST), moved aside when it grows past
 * maxFileBytes, kept keepDays days. Every line is redacted before it is written; a log that
 * cannot be written never stops the app.
 */
export function createFileLogger(options: FileLoggerOptions): AppLogger {
  const prefix = options.prefix ?? 'chumon';
  const maxFileBytes = options.maxFileBytes ?? 5 * 1024 * 1024;
  const keepDays = options.keepDays ?? 14;
  let prunedFor = '';

  const write = (level: LogLevel, message: string, detail: unknown) => {
    try {
      const now = options.clock.now();
      const day = jstToday(now);
      if (prunedFor !== day) {
        mkdirSync(options.dir, { recursive: true, mode: 0o700 });
        pruneLogs(options.dir, day, keepDays);
        prunedFor = day;
      }
      const file = path.join(options.dir, `${prefix}-${day}.log`);
      const extra = detailText(detail);
      const line = redactText(`${now.toISOString()} [${level}] ${message}${extra ? ` ${extra}` : ''}`);
      let size = 0;
      try {
        size = statSync(file).size;
      } catch {
        size = 0;
      }
      if (size > 0 && size + Buffer.byteLength(line) + 1 > maxFileBytes) {
        let n = 1;
        while (existsQuietly(path.join(options.dir, `${prefix}-${day}.${n}.log`))) n++;
        renameSync(file, path.join(options.dir, `${prefix}-${day}.${n}.log`));
      }
      appendFileSync(file, `${line}\n`, { mode: 0o600 });
    } catch {
      // The log is for head office's help; the clerk's work goes on without it.
    }
  };

  return {
    info: (message, detail) => write('info', message, detail),
    warn: (message, detail) => write('warn', message, detail),
    error: (message, detail) => write('error', message, detail),
  };
}

function existsQuietly(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}

/** Copies console.warn / console.error into the log too (errors the services already report there). */
export function captureConsole(logger: AppLogger): () => void {
  const { warn, error } = console;
  console.warn = (...args: unknown[]) => {
    warn(...args);
    logger.warn(args.map(detailText).join(' '));
  };
  console.error = (...args: unknown[]) => {
    error(...args);
    logger.error(args.map(detailText).join(' '));
  };
  return () => {
    console.warn = warn;
    console.error = error;
  };
}
