import type { Context } from 'hono';
import { z } from 'zod';
import type { ClientIdentity } from '../auth.js';
import type { CentralEnv } from '../console/pc-routes.js';
import type { ServerDb } from '../db/open.js';
import type { ChangeHub } from './events.js';

export interface ServerClock {
  now(): Date;
}

/** What every request carries once the token checked out (and a PC's versions, console/pc-routes.ts). */
export type Env = CentralEnv;

/** What each area's routes are given by the one composition (http/app.ts). */
export interface RouteDeps {
  db: ServerDb;
  serverId: string;
  clock: ServerClock;
  hub: ChangeHub;
  /** Wakes the event streams after a write. */
  notify(): void;
  /** The caller's address (X-Forwarded-For only from trusted proxies). */
  address(c: Context): string;
  /** Refuses a request with the reason, and logs it in refused_access. */
  refuse(c: Context, status: 401 | 403, reason: string, client: ClientIdentity | null): Promise<Response>;
}

export function bad(c: Context, message: string, status: 400 | 401 | 403 | 404 | 409 | 413 = 400) {
  return c.json({ error: message }, status);
}

export async function readJson(c: Context): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  try {
    return { ok: true, value: await c.req.json() };
  } catch {
    return { ok: false, message: '送信内容を JSON として読み取れませんでした。' };
  }
}

/** The body read as JSON and checked by its schema; a refusal says why in Japanese. */
export async function parse<T extends z.ZodType>(
  c: Context,
  schema: T,
): Promise<{ ok: true; value: z.output<T> } | { ok: false; message: string }> {
  const body = await readJson(c);
  if (!body.ok) return body;
  const parsed = schema.safeParse(body.value);
  if (!parsed.success)
    return {
      ok: false,
      message: `入力内容に誤りがあります: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')} ${i.message}`)
        .join(' / ')}`,
    };
  return { ok: true, value: parsed.data };
}
