import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { app, crashReporter, type BrowserWindow } from 'electron';

/** One line per event in <userData>/logs/crash.log: what happened and when, no order data. */
function logLine(message: string): void {
  const dir = path.join(app.getPath('userData'), 'logs');
  mkdirSync(dir, { recursive: true });
  appendFileSync(path.join(dir, 'crash.log'), `${new Date().toISOString()} ${message}\n`);
}

/**
 * Minidumps are kept in the local crash folder (never uploaded by Electron); an uncaught
 * error in the main process is written down before the process exits.
 */
export function startCrashHandling(): void {
  crashReporter.start({ uploadToServer: false });
  process.on('uncaughtException', (err) => {
    logLine(`main process error: ${err.stack ?? String(err)}`);
    app.exit(1);
  });
}

/** A renderer that dies is logged and the window reloaded, so the clerk keeps working. */
export function reloadAfterRendererCrash(window: BrowserWindow): void {
  window.webContents.on('render-process-gone', (_event, details) => {
    logLine(`renderer gone: ${details.reason} (exit code ${details.exitCode}); reloading`);
    if (details.reason !== 'clean-exit' && !window.isDestroyed()) window.webContents.reload();
  });
}
