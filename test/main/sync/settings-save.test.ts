import { createServer } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp | undefined;
afterEach(() => t?.close());

/** A loopback address nothing listens on (a port taken, then given back). */
async function deadAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

it('設定 → 同期 with an unreachable server says nothing was saved, and nothing is', async () => {
  t = createTestApp();
  const url = await deadAddress();
  const error = await t.call('sync:saveSettings', { serverUrl: url, token: 'chm_token' }).catch((e: Error) => e);
  expect((error as Error).message).toBe(
    `中央サーバー（${url}）に接続できないため、設定は保存していません。アドレスとネットワークを確かめて、もう一度「接続を確認して保存」を押してください。`,
  );
  expect(await t.call('sync:settings', {})).toEqual({
    serverUrl: '',
    hasToken: false,
    storeName: null,
    isHeadOffice: false,
  });
});
