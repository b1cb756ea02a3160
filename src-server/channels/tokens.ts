import { z } from 'zod';
import { ChannelUnavailableError, CredentialError } from './connector.js';
import type { ChannelHttp, HttpAnswer } from './http.js';

/** Access tokens from a refresh token, kept in memory only (never stored, never logged). */
export class AccessTokens {
  private token: { value: string; expiresAt: number } | null = null;
  private refreshing: Promise<string> | null = null;

  constructor(
    private readonly refresh: () => Promise<{ accessToken: string; expiresIn: number }>,
    /** Renew this long before the channel's expiry, so no request goes with a dying token. */
    private readonly marginMs = 60_000,
  ) {}

  async get(): Promise<string> {
    if (this.token && this.token.expiresAt - this.marginMs > Date.now()) return this.token.value;
    this.refreshing ??= this.refresh()
      .then(({ accessToken, expiresIn }) => {
        this.token = { value: accessToken, expiresAt: Date.now() + expiresIn * 1000 };
        return accessToken;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  /** The channel said `used` has expired: the next get() refreshes (once, however many callers). */
  invalidate(used: string): void {
    if (this.token?.value === used) this.token = null;
  }
}

/**
 * The OAuth 2.0 refresh-token grant both Login with Amazon and Yahoo! ID連携 use: a form
 * POST answered by JSON. A refused grant or client is a credential problem (the connector
 * stops); anything else is the channel being unavailable (the run tries again later).
 */
async function refreshAccessToken(
  http: ChannelHttp,
  url: string,
  form: Record<string, string>,
  label: string,
): Promise<{ accessToken: string; expiresIn: number }> {
  const answer = await http.read('token', url, async () => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: new URLSearchParams({ grant_type: 'refresh_token', ...form }).toString(),
  }));
  let body: { access_token?: string; expires_in?: number; error?: string } = {};
  try {
    body = JSON.parse(answer.text) as typeof body;
  } catch {
    // Not JSON: judged by the status below.
  }
  if (answer.status === 200 && body.access_token) {
    return { accessToken: body.access_token, expiresIn: Number(body.expires_in) || 3600 };
  }
  if (answer.status === 400 || answer.status === 401) {
    throw new CredentialError(
      `${label}の認証情報が正しくないか、期限が切れています（${body.error ?? `HTTP ${answer.status}`}）。管理APIで認証情報を登録し直してください。それまでこの接続は停止します。`,
    );
  }
  throw new ChannelUnavailableError(`${label}のアクセストークンを更新できませんでした（HTTP ${answer.status}）。`);
}

/** The credentials of an OAuth 2.0 refresh-token grant (Login with Amazon, Yahoo! ID連携). */
export const refreshTokenCredentials = z.object({
  clientId: z.string().trim().min(1).max(500),
  clientSecret: z.string().trim().min(1).max(500),
  refreshToken: z.string().trim().min(1).max(2000),
});

/** Access tokens renewed with those credentials at `tokenUrl`; `label` names the channel in errors. */
export function refreshedTokens(
  http: ChannelHttp,
  tokenUrl: string,
  credentials: z.output<typeof refreshTokenCredentials>,
  label: string,
): AccessTokens {
  return new AccessTokens(() =>
    refreshAccessToken(
      http,
      tokenUrl,
      {
        refresh_token: credentials.refreshToken,
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
      },
      label,
    ),
  );
}

/**
 * Runs a request with the current access token; when the channel says the token expired,
 * refreshes it once and runs it again. Any other refusal of the token is a credential error.
 */
export async function withAccessToken(
  tokens: AccessTokens,
  request: (token: string) => Promise<HttpAnswer>,
  judge: (answer: HttpAnswer) => 'ok' | 'expired' | 'refused',
  refusedMessage: (answer: HttpAnswer) => string,
): Promise<HttpAnswer> {
  let last: HttpAnswer | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    const token = await tokens.get();
    last = await request(token);
    const verdict = judge(last);
    if (verdict === 'ok') return last;
    if (verdict === 'refused') break;
    tokens.invalidate(token);
  }
  throw new CredentialError(refusedMessage(last!));
}
