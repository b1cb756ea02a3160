import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { fileURLToPath } from 'node:url';
import { createHostClient, type HostClient } from '../host/host-client.js';
import { createConfSettings } from '../settings/conf-settings.js';
import { createFileKeyCipher } from '../settings/secret-cipher.js';
import { serverLink } from '../updates/feed-link.js';
import { reloadAfterRendererCrash, startCrashHandling } from './crash-handling.js';
import { createElectronLogger } from './electron-logger.js';
import { startAutoUpdates } from './updates.js';
import { installMenu } from './menu.js';
import { registerIpc } from './ipc.js';
import { forkUtilityHost } from './service-host.js';
import { createSafeStorageCipher } from './safe-storage.js';
import { createMainWindow, registerAppScheme, serveRenderer } from './window.js';

/**
 * The Electron main process: thin. It resolves paths, starts the service host (the same
 * services and dispatch() browser mode runs in-process), relays the one IPC channel to it
 * and opens the window.
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
const log = createElectronLogger(app.getPath('userData'));

let window: BrowserWindow | null = null;
let services: HostClient | null = null;

/** The services run in a utility process; this process keeps the window, the menu and the IPC relay. */
function startServices(paths: ReturnType<typeof resourcePaths>): HostClient {
  const dataDir = app.getPath('userData');
  const secrets = createSafeStorageCipher(createFileKeyCipher(dataDir));
  // Updates come from the central server of 設定 → 同期 (the packaged app only).
  if (app.isPackaged) startAutoUpdates(() => serverLink(createConfSettings(dataDir), secrets, app.getVersion()), log);
  return createHostClient({
    start: () => forkUtilityHost(path.dirname(fileURLToPath(import.meta.url))),
    boot: {
      dataDir,
      migrationsFolder: paths.migrations,
      mode: 'electron',
      version: app.getVersion(),
      nativeBinding: process.env.CHUMON_SQLITE_BINDING || undefined,
      assetsDir: paths.assets,
      // SMTP password and store token: sealed here by the OS keychain, which only this process reaches.
      secrets: 'parent',
    },
    secrets,
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  const paths = resourcePaths();
  const host = startServices(paths);
  services = host;
  try {
    await host.ready;
  } catch (err) {
    log.error('起動できませんでした', err);
    dialog.showErrorBox('Chumon を起動できません', err instanceof Error ? err.message : String(err));
    app.exit(1);
    return;
  }
  log.info(`Chumon ${app.getVersion()} を起動しました`);
  installMenu();
  serveRenderer(paths.renderer);
  registerIpc(host, () => window);
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
  app.on('will-quit', () => void services?.close());
  void start();
}
