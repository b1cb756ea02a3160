import type { FakeTokens } from '../fakes/fake-kit.js';
import { startTestServer, type TestServer } from './central-server.js';
import { addAccount } from './channels.js';
import { TestClock } from './test-app.js';

/** A channel fake with an OAuth 2.0 token endpoint (Amazon, Yahoo!ショッピング). */
interface OAuthFake {
  url: string;
  tokens: FakeTokens;
  start(): Promise<unknown>;
  close(): Promise<void>;
}

/** The login the fake's token endpoint accepts: its client and refresh token. */
export function oauthLogin(tokens: FakeTokens) {
  return { clientId: tokens.clientId, clientSecret: tokens.clientSecret, refreshToken: tokens.refreshToken };
}

export interface OAuthConnectorSuite<F extends OAuthFake> {
  server: TestServer;
  fake: F;
  accountId: number;
  /** 東京PC's id, when the suite asked for it. */
  pc: string | null;
}

/**
 * The opening of a connector suite: a central server (PGlite) with 東京店 (and 東京PC when
 * asked), the fake started, and one account of `channel` in 東京店 logging in to it.
 */
export async function startOAuthConnector<F extends OAuthFake>(
  fake: F,
  account: { channel: string; settings: (started: F) => object },
  options: { pc?: boolean } = {},
): Promise<OAuthConnectorSuite<F>> {
  const server = await startTestServer('pglite', { clock: new TestClock(new Date()) });
  try {
    await server.addStore('tokyo', '東京店');
    const pc = options.pc ? await server.addPc('tokyo', '東京PC') : null;
    await fake.start();
    const { id } = await addAccount(server, {
      channel: account.channel,
      settings: account.settings(fake),
      credentials: oauthLogin(fake.tokens),
    });
    return { server, fake, accountId: id, pc };
  } catch (err) {
    await closeOAuthConnector({ server, fake });
    throw err;
  }
}

export async function closeOAuthConnector(parts: { server?: TestServer; fake?: OAuthFake }): Promise<void> {
  await parts.fake?.close();
  await parts.server?.close();
}
