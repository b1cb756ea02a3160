import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { insertOrders } from '../../helpers/orders.js';
import { dispatch } from '../../../src-main/core/dispatch.js';
import { handlers } from '../../../src-main/core/registry.js';

/**
 * The Electron binary cannot run here, so 'electron' is replaced by a stand-in that records
 * what the main process registers. The code under test is the real src-main/electron/ipc.ts.
 */
const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
      registered.set(channel, handler),
    removeHandler: (channel: string) => registered.delete(channel),
  },
}));

const { registerIpc } = await import('../../../src-main/electron/ipc.js');

function fakeWindow() {
  const sent: unknown[] = [];
  const mainFrame = { url: 'chumon://app/index.html' };
  const webContents = { mainFrame, send: (_channel: string, event: unknown) => sent.push(event) };
  return { window: { webContents, isDestroyed: () => false }, mainFrame, sent };
}

/** The window's calls straight into dispatch() (the service host runs the same, in its own process). */
function inProcess(app: TestApp) {
  return {
    invoke: (method: string, input: unknown) => dispatch(handlers, app.app.ctx, method, input),
    subscribe: app.app.subscribe,
  };
}

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
  registered.clear();
});
afterEach(() => t.close());

describe('Electron IPC', () => {
  it('answers our own page through the validated contract', async () => {
    const { window, mainFrame } = fakeWindow();
    registerIpc(inProcess(t), () => window as never);
    const handler = registered.get('chumon:invoke')!;
    insertOrders(t.app.ctx.database.sqlite, [{}]);
    const event = { sender: window.webContents, senderFrame: mainFrame };
    expect(await handler(event, 'orders:counts', {})).toMatchObject({ ok: true, value: { new: 1 } });
    expect(await handler(event, 'orders:list', { tab: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('refuses calls from another page, another frame or another window, changing nothing', async () => {
    const { window, mainFrame } = fakeWindow();
    registerIpc(inProcess(t), () => window as never);
    const handler = registered.get('chumon:invoke')!;
    const [id] = insertOrders(t.app.ctx.database.sqlite, [{}]);
    const input = { orderIds: [id], reason: 'お客様都合' };
    const attempts = [
      { sender: window.webContents, senderFrame: { url: 'https://evil.example/' } },
      { sender: window.webContents, senderFrame: { url: 'chumon://app/index.html' } }, // a sub-frame, not the main frame
      { sender: { other: true }, senderFrame: mainFrame },
      { sender: window.webContents, senderFrame: null },
    ];
    for (const event of attempts) {
      expect(await handler(event, 'operations:cancel', input)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    const row = t.app.ctx.database.sqlite.prepare('SELECT status FROM orders WHERE id = ?').get(id) as {
      status: string;
    };
    expect(row.status).toBe('new');
  });

  it('forwards app events to the window', async () => {
    const { window, mainFrame, sent } = fakeWindow();
    registerIpc(inProcess(t), () => window as never);
    const [id] = insertOrders(t.app.ctx.database.sqlite, [{}]);
    await registered.get('chumon:invoke')!(
      { sender: window.webContents, senderFrame: mainFrame },
      'operations:cancel',
      {
        orderIds: [id],
        reason: 'お客様都合',
      },
    );
    expect(sent).toContainEqual({ type: 'orders:changed' });
  });
});
