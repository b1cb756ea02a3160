import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { AppEvent } from '../../src-shared/api/events.js';
import type { WireResult } from '../../src-shared/api/errors.js';
import { isAppUrl } from './window-options.js';

/** Only our own page in our own window may call the services. */
function trustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!window || event.sender !== window.webContents || !frame) return false;
  return isAppUrl(frame.url) && frame === window.webContents.mainFrame;
}

/** Where the window's calls go: the service host's client (dispatch() runs there). */
interface ServiceLink {
  invoke(method: string, input: unknown): Promise<WireResult<unknown>>;
  subscribe(listener: (event: AppEvent) => void): () => void;
}

/** Registers the one IPC channel (validated in dispatch) and forwards events to the window. */
export function registerIpc(services: ServiceLink, getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle('chumon:invoke', async (event, method: unknown, input: unknown) => {
    if (!trustedSender(event, getWindow())) {
      return { ok: false, error: { code: 'forbidden', message: 'この画面からの操作は受け付けられません。' } };
    }
    return services.invoke(typeof method === 'string' ? method : '', input);
  });
  const unsubscribe = services.subscribe((appEvent) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send('chumon:event', appEvent);
  });
  return () => {
    ipcMain.removeHandler('chumon:invoke');
    unsubscribe();
  };
}
