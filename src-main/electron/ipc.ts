import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { App } from '../app/bootstrap.js';
import { dispatch } from '../core/dispatch.js';
import { handlers } from '../core/registry.js';
import { isAppUrl } from './window-options.js';

/** Only our own page in our own window may call the services. */
function trustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!window || event.sender !== window.webContents || !frame) return false;
  return isAppUrl(frame.url) && frame === window.webContents.mainFrame;
}

/** Registers the one IPC channel (validated in dispatch) and forwards events to the window. */
export function registerIpc(app: App, getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle('chumon:invoke', async (event, method: unknown, input: unknown) => {
    if (!trustedSender(event, getWindow())) {
      return { ok: false, error: { code: 'forbidden', message: 'この画面からの操作は受け付けられません。' } };
    }
    return dispatch(handlers, app.ctx, typeof method === 'string' ? method : '', input);
  });
  const unsubscribe = app.subscribe((appEvent) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send('chumon:event', appEvent);
  });
  return () => {
    ipcMain.removeHandler('chumon:invoke');
    unsubscribe();
  };
}
