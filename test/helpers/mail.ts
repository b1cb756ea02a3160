import type { InputOf } from '../../src-shared/api/index.js';
import { TestSmtpServer } from './smtp.js';
import { createTestApp, type TestApp } from './test-app.js';

/** Points the app's SMTP settings at a local test server (as the settings screen would). */
export async function configureMail(
  t: TestApp,
  port: number,
  overrides: Partial<InputOf<'mail:saveSettings'>> = {},
): Promise<void> {
  await t.call('mail:saveSettings', {
    host: '127.0.0.1',
    port,
    security: 'none',
    user: '',
    fromAddress: 'shop@example.jp',
    fromName: '有田焼の店 やきもの堂',
    encoding: 'utf8',
    shopName: 'やきもの堂',
    signature: '――\nやきもの堂 お客様係\nsupport@example.jp',
    bankAccount: 'みずほ銀行 丸の内支店 普通 1234567 ヤキモノドウ',
    ...overrides,
  });
}

/** The mail_log rows of the test database, oldest first. */
export function mailLogRows(
  t: TestApp,
): { id: number; order_id: number; kind: string; result: string; message_id: string | null; error: string | null }[] {
  return t.app.ctx.database.sqlite
    .prepare('SELECT id, order_id, kind, result, message_id, error FROM mail_log ORDER BY id')
    .all() as never;
}

export function unsentCount(t: TestApp): number {
  return t.app.ctx.database.sqlite
    .prepare("SELECT n FROM tab_counts WHERE tab = 'mail_unsent'")
    .pluck()
    .get() as number;
}

/**
 * A fresh app and a local SMTP server for each test of the file, the app's mail settings
 * pointing at it. Read `env.t` and `env.smtp` inside the tests.
 */
export function useMailApp(hooks: {
  beforeEach(fn: () => Promise<void>): void;
  afterEach(fn: () => Promise<void>): void;
}): { t: TestApp; smtp: TestSmtpServer } {
  const env = {} as { t: TestApp; smtp: TestSmtpServer };
  hooks.beforeEach(async () => {
    env.t = createTestApp();
    env.smtp = await TestSmtpServer.start();
    await configureMail(env.t, env.smtp.port);
  });
  hooks.afterEach(async () => {
    env.t.close();
    await env.smtp.close();
  });
  return env;
}
