import { isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The address a request comes from, for the per-address limits and the refusal log. Behind
 * a reverse proxy every PC would share the proxy's address, so when the direct peer is one
 * of the configured `trustedProxies` the client is read from X-Forwarded-For: the right-most
 * entry that is not itself a trusted proxy (entries to its left are the client's to write).
 * From anyone else the header is ignored.
 */
export function clientAddress(c: Context, trustedProxies: ReadonlySet<string>): string {
  let peer = '';
  try {
    peer = getConnInfo(c).remote.address ?? '';
  } catch {
    return '';
  }
  if (!trustedProxies.has(peer)) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (trustedProxies.has(hop)) continue;
    return isIP(hop) ? hop : peer;
  }
  return peer;
}
