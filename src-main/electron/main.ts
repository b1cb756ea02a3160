import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { UserError } from '../../src-shared/api/errors.js';
import { bootApp, type App } from '../app/bootstrap.js';
import { createFileKeyCipher } from '../settings/secret-cipher.js';
import { reloadAfterRendererCrash, startCrashHandling } from './crash-handling.js';
import { installMenu } from './menu.js';
import { registerIpc } from './ipc.js';
import { createSafeStorageCipher } from './safe-storage.js';
import { createElectronSettings } from './settings-store.js';
import { createMainWindow, registerAppScheme, serveRenderer } from './window.js';

/**
 * The Electron main process: thin. It resolves paths, boots the same services browser
 * mode uses, registers the one IPC channel and opens the window.
 */
function resourcePaths() {
  const root = app.getAppPath();
  const resources = app.isPackaged ? process.resourcesPath : root;
  return {
    renderer: path.join(root, 'dist', 'renderer'),
    preload: path.join(root, 'dist-electron', 'preload.cjs'),
    migrations: path.join(resources, 'drizzle'),
    assets: path.join(resources, 'assets'),
  };
}

app.setName('Chumon');
if (process.env.CHUMON_DATA_DIR) app.setPath('userData', path.resolve(process.env.CHUMON_DATA_DIR));
registerAppScheme();
startCrashHandling();

let window: BrowserWindow | null = null;
let chumon: App | null = null;

async function start(): Promise<void> {
  await app.whenReady();
  const paths = resourcePaths();
  try {
    chumon = bootApp({
      dataDir: app.getPath('userData'),
      migrationsFolder: paths.migrations,
      settings: createElectronSettings(),
      mode: 'electron',
      version: app.getVersion(),
      nativeBinding: process.env.CHUMON_SQLITE_BINDING || undefined,
      assetsDir: paths.assets,
      // SMTP password and store token: sealed by the OS keychain where Electron offers one.
      secrets: createSafeStorageCipher(createFileKeyCipher(app.getPath('userData'))),
    });
  } catch (err) {
    const message = err instanceof UserError ? err.message : `起動できませんでした: ${String(err)}`;
    dialog.showErrorBox('Chumon を起動できません', message);
    app.exit(1);
    return;
  }
  installMenu();
  serveRenderer(paths.renderer);
  registerIpc(chumon, () => window);
  window = createMainWindow(paths.preload);
  reloadAfterRendererCrash(window);
  window.on('closed', () => {
    window = null;
  });
}

if (!app.requestSingleInstanceLock()) {
  // A second start brings the open window forward instead of opening the database twice.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => chumon?.close());
  void start();
}
