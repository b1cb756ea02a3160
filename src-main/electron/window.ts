import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, net, protocol, session, shell } from 'electron';
import { APP_ENTRY, APP_SCHEME, CONTENT_SECURITY_POLICY, isAppUrl, mainWindowOptions } from './window-options.js';

/** Must run before app 'ready': the scheme behaves like https (secure, standard origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer on chumon://app/, refusing anything outside its folder. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = path.normalize(path.join(rendererDir, decodeURIComponent(url.pathname)));
    if (!isAppUrl(request.url) || !file.startsWith(rendererDir + path.sep)) {
      return new Response('not found', { status: 404 });
    }
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
  // No permission (camera, notifications, ...) is ever needed by the order list.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
}

export function createMainWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preload));
  const contents = window.webContents;
  // No navigation away from the app and no new windows; https links open in the OS browser.
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
  return window;
}
