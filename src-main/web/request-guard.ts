import { timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { TOKEN_HEADER } from '../../src-shared/api/http.js';

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token a request presents: the page's header (cookies ignore ports), or a Bearer header (scripts and tests). */
function presentedToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (header?.startsWith('Bearer ')) return header.slice(7);
  return c.req.header(TOKEN_HEADER);
}

export function hasToken(c: Context, token: string): boolean {
  return sameToken(presentedToken(c), token);
}

/**
 * Why a request must be refused before anything else looks at it, or null. Browser mode
 * listens on 127.0.0.1, where every other local port is "the same site" to a browser: a
 * page served by anything else on this machine must not be able to act here.
 * - Host must be exactly 127.0.0.1:<port> (a DNS-rebound name is refused).
 * - Origin, when sent, must be this origin; Sec-Fetch-Site, when sent, must say
 *   same-origin — or "none" for a page the user opened (typed URL, bookmark).
 * - The API takes JSON bodies only: a form or a no-cors fetch cannot send
 *   application/json, and file uploads travel inside that JSON as base64.
 */
export function refusalOf(c: Context, host: string): string | null {
  if (c.req.header('host') !== host) return 'host';
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== `http://${host}`) return 'origin';
  const site = c.req.header('sec-fetch-site');
  const api = c.req.path.startsWith('/api/');
  if (site !== undefined && site !== 'same-origin' && (api || site !== 'none')) return 'site';
  if (api && !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json') return 'content-type';
  }
  return null;
}
