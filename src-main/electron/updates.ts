import electronUpdater from 'electron-updater';
import type { AppLogger } from '../logs/logger.js';
import type { ServerLink } from '../updates/feed-link.js';

const { autoUpdater } = electronUpdater;

/** Checks again this often while the app is open (and once shortly after start). */
const UPDATE_CHECK_EVERY_MS = 4 * 60 * 60 * 1000;
const FIRST_CHECK_AFTER_MS = 60 * 1000;

/**
 * Store PCs update themselves from the central server's feed (`generic` provider,
 * <server>/updates/, the PC's token as Bearer: the server serves the version rolled out to
 * this PC's store). The update downloads in the background and is installed when the app
 * quits, so it starts new the next time — never in the middle of a day's work.
 */
export function startAutoUpdates(link: () => Promise<ServerLink | null>, log: AppLogger): () => void {
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.logger = {
    info: (m) => log.info(String(m)),
    warn: (m) => log.warn(String(m)),
    error: (m) => log.error(String(m)),
  };
  autoUpdater.on('update-downloaded', (info) =>
    log.info(`更新 ${info.version} をダウンロードしました。次回の起動時に適用されます。`),
  );
  autoUpdater.on('error', (err) => log.warn('更新の確認に失敗しました', err));

  const check = async () => {
    const server = await link();
    if (!server) return;
    autoUpdater.setFeedURL({ provider: 'generic', url: server.feedUrl });
    autoUpdater.requestHeaders = { authorization: server.headers.authorization! };
    await autoUpdater.checkForUpdates().catch((err: unknown) => log.warn('更新の確認に失敗しました', err));
  };
  const first = setTimeout(() => void check(), FIRST_CHECK_AFTER_MS);
  const every = setInterval(() => void check(), UPDATE_CHECK_EVERY_MS);
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
