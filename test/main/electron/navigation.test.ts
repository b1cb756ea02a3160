import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * Electron cannot run here: 'electron' is a stand-in that records what the real
 * src-main/electron/window.ts registers, so the handlers themselves are what is tested.
 */
const recorded = vi.hoisted(() => ({
  contents: new Map<string, (...args: unknown[]) => unknown>(),
  openHandler: null as null | ((details: { url: string }) => { action: string }),
  protocolHandler: null as null | ((request: Request) => Promise<Response>),
  permission: null as null | ((wc: unknown, permission: string, callback: (ok: boolean) => void) => void),
  fetched: [] as string[],
  external: [] as string[],
}));

vi.mock('electron', () => ({
  BrowserWindow: class {
    webContents = {
      on: (event: string, handler: (...args: unknown[]) => unknown) => recorded.contents.set(event, handler),
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) =>
        (recorded.openHandler = handler),
    };
    once() {}
    loadURL() {
      return Promise.resolve();
    }
  },
  protocol: {
    handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => (recorded.protocolHandler = handler),
    registerSchemesAsPrivileged: () => undefined,
  },
  net: {
    fetch: (url: string) => {
      recorded.fetched.push(url);
      return Promise.resolve(new Response('file', { status: 200, headers: { 'content-type': 'text/html' } }));
    },
  },
  session: {
    defaultSession: { setPermissionRequestHandler: (h: typeof recorded.permission) => (recorded.permission = h) },
  },
  shell: { openExternal: (url: string) => recorded.external.push(url) },
}));

const { createMainWindow, serveRenderer } = await import('../../../src-main/electron/window.js');

let rendererDir: string;
beforeAll(() => {
  rendererDir = mkdtempSync(path.join(os.tmpdir(), 'chumon-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  serveRenderer(rendererDir);
  createMainWindow('/app/preload.cjs');
});
afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));

function navigate(url: string): boolean {
  let prevented = false;
  recorded.contents.get('will-navigate')!({ preventDefault: () => (prevented = true) }, url);
  return prevented;
}

describe('Electron window: navigation, new windows, webviews, permissions', () => {
  it('stays on the app: any other page is refused', () => {
    expect(navigate('chumon://app/index.html')).toBe(false);
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'chumon://evil/index.html',
      'javascript:alert(1)',
      'data:text/html,x',
    ]) {
      expect(navigate(url), url).toBe(true);
    }
  });

  it('opens no window: https links go to the OS browser, anything else nowhere', () => {
    recorded.external.length = 0;
    for (const url of [
      'https://www.post.japanpost.jp/',
      'http://evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'chumon://app/index.html',
    ]) {
      expect(recorded.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(recorded.external).toEqual(['https://www.post.japanpost.jp/']);
  });

  it('refuses webviews and every permission request', () => {
    let prevented = false;
    recorded.contents.get('will-attach-webview')!({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let answer: boolean | null = null;
      recorded.permission!(null, permission, (ok) => (answer = ok));
      expect(answer, permission).toBe(false);
    }
  });
});

describe('chumon://app protocol', () => {
  it('serves files of the renderer folder only, with the CSP', async () => {
    recorded.fetched.length = 0;
    const ok = await recorded.protocolHandler!(new Request('chumon://app/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toMatch(/^default-src 'self'/);
    expect((await recorded.protocolHandler!(new Request('chumon://evil/index.html'))).status).toBe(404);
    for (const url of [
      'chumon://app/../../etc/passwd',
      'chumon://app/%2e%2e/%2e%2e/etc/passwd',
      'chumon://app/..%2f..%2fetc%2fpasswd',
      'chumon://app/assets/..%5c..%5c..%5cetc%5cpasswd',
      'chumon://app/%00',
    ]) {
      await recorded.protocolHandler!(new Request(url));
    }
    // Whatever the spelling, only files inside the renderer folder are ever read.
    const inside = pathToFileURL(rendererDir + path.sep).toString();
    expect(recorded.fetched.filter((url) => !url.startsWith(inside))).toEqual([]);
  });
});
