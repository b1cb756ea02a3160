import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { lineText } from '../../src-shared/api/text.js';
import { createClient } from '../auth.js';
import { rows } from '../db/open.js';
import { bad, parse, type Env, type RouteDeps } from '../http/route-kit.js';
import { putStore } from '../sync/masters.js';

const storeInput = z.object({
  id: lineText()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, '店舗IDは英数字・_・- で40文字までです。'),
  name: lineText().trim().min(1).max(100),
  isHeadOffice: z.boolean().default(false),
  postalCode: lineText().max(20).default(''),
  address: lineText().max(300).default(''),
  phone: lineText().max(40).default(''),
  sortOrder: z.number().int().default(0),
});

const clientInput = z.object({
  kind: z.enum(['pc', 'connector']),
  name: lineText().trim().min(1).max(100),
  storeId: lineText().min(1).max(40).nullable().default(null),
});

/** /admin (admin token only): stores, the tokens of PCs and connectors, refused requests. */
export function adminRoutes({ db, clock, hub, notify }: RouteDeps): Hono<Env> {
  const app = new Hono<Env>();
  app.post('/stores', async (c) => {
    const input = await parse(c, storeInput);
    if (!input.ok) return bad(c, input.message);
    await putStore(db, input.value, clock.now(), notify);
    return c.json({ ok: true });
  });
  app.get('/stores', async (c) =>
    c.json(await rows(db, sql`SELECT id, name, is_head_office AS "isHeadOffice" FROM stores ORDER BY sort_order, id`)),
  );
  app.post('/clients', async (c) => {
    const input = await parse(c, clientInput);
    if (!input.ok) return bad(c, input.message);
    if (input.value.kind === 'pc') {
      const [store] = await rows(db, sql`SELECT 1 FROM stores WHERE id = ${input.value.storeId}`);
      if (!store) return bad(c, 'PC を登録する店舗が見つかりません。先に店舗を登録してください。', 404);
    }
    // The token is in this answer only; the server keeps its hash.
    return c.json(await createClient(db, input.value, clock.now()));
  });
  app.get('/clients', async (c) =>
    c.json(
      await rows(
        db,
        sql`SELECT id, kind, name, store_id AS "storeId", created_at AS "createdAt", revoked_at AS "revokedAt", last_seen_at AS "lastSeenAt"
            FROM clients ORDER BY id`,
      ),
    ),
  );
  app.post('/clients/:id/revoke', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id)) return bad(c, 'ID が正しくありません。');
    await db.execute(
      sql`UPDATE clients SET revoked_at = ${clock.now().toISOString()} WHERE id = ${id} AND revoked_at IS NULL`,
    );
    hub.revoked(id);
    return c.json({ ok: true });
  });
  app.get('/refused', async (c) =>
    c.json(
      await rows(
        db,
        sql`SELECT at, last_at AS "lastAt", count, client_id AS "clientId", address, method, path, reason
            FROM refused_access ORDER BY coalesce(last_at, at) DESC, id DESC LIMIT 500`,
      ),
    ),
  );
  return app;
}
