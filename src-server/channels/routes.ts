import { sql } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { UserError } from '../../src-shared/api/errors.js';
import { jsonRows, type ServerDb } from '../db/open.js';
import { accountInput, accountPatch, type ChannelAccounts } from './accounts.js';
import { resolveConflict } from './conflicts.js';
import { listNotices, retryRefusedNotice } from './notices.js';
import { noticeListQuery } from '../../src-shared/console/channels.js';
import type { ChannelScheduler } from './scheduler.js';

interface ChannelRouteDeps {
  db: ServerDb;
  accounts: ChannelAccounts;
  scheduler: ChannelScheduler;
  clock: { now(): Date };
  notify: () => void;
}

async function body<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new UserError('送信内容を JSON として読み取れませんでした。', 'invalid_input');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new UserError(
      `入力内容に誤りがあります（${[...new Set(parsed.error.issues.map((i) => i.path.join('.') || '（全体）'))].join('・')}）。`,
      'invalid_input',
    );
  return parsed.data;
}

function idOf(c: Context): number {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id < 1) throw new UserError('ID が正しくありません。', 'invalid_input');
  return id;
}

/**
 * The channels' admin API (under /admin/channels, admin token only): channel accounts and
 * their credentials (never answered back), a run on demand, the shipment notice queue with
 * its refusals, and the conflicts channel-side changes raised.
 */
export function channelRoutes(deps: ChannelRouteDeps): Hono {
  const { db, accounts, scheduler, clock, notify } = deps;
  const app = new Hono();
  app.onError((err, c) => {
    if (err instanceof UserError) return c.json({ error: err.message }, err.code === 'not_found' ? 404 : 400);
    console.error(`channels admin API: ${err.name}`);
    return c.json({ error: '処理中に予期しないエラーが発生しました。' }, 500);
  });

  app.get('/accounts', async (c) => c.json(await accounts.list()));
  app.post('/accounts', async (c) => c.json(await accounts.add(await body(c, accountInput), clock.now())));
  app.get('/accounts/:id', async (c) => c.json(await accounts.view(idOf(c))));
  app.patch('/accounts/:id', async (c) =>
    c.json(await accounts.update(idOf(c), await body(c, accountPatch), clock.now())),
  );
  app.post('/accounts/:id/run', async (c) => {
    const id = idOf(c);
    await accounts.row(id);
    return c.json(await scheduler.run(id));
  });

  app.get('/notices', async (c) => {
    const query = noticeListQuery.safeParse(c.req.query());
    if (!query.success) throw new UserError('state / limit が正しくありません。', 'invalid_input');
    return c.json(await listNotices(db, query.data));
  });
  app.post('/notices/:id/retry', async (c) =>
    c.json(await retryRefusedNotice(db, idOf(c), '本部（管理API）', clock.now(), notify)),
  );

  app.get('/conflicts', async (c) =>
    c.json(
      await jsonRows(
        db,
        sql`SELECT k.id, k.account_id AS "accountId", o.channel, o.order_no AS "orderNo", o.store_id AS "storeId",
              o.status, k.message, k.detected_at AS "detectedAt"
            FROM channel_conflicts k JOIN orders o ON o.id = k.order_id
            WHERE k.resolved_at IS NULL ORDER BY k.id DESC LIMIT 1000`,
      ),
    ),
  );
  app.post('/conflicts/:id/resolve', async (c) => {
    if (!(await resolveConflict(db, idOf(c), clock.now(), notify)))
      throw new UserError('未対応の食い違いが見つかりません。', 'not_found');
    return c.json({ ok: true });
  });
  return app;
}
