import { type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { expect, it } from 'vitest';
import { ensureAdminToken, type ClientIdentity } from '../../../src-server/auth.js';
import { lastChange } from '../../../src-server/db/changes.js';
import { openServerDatabase, type ServerDb } from '../../../src-server/db/open.js';
import { intakeOrders } from '../../../src-server/orders/intake.js';
import { pullPage } from '../../../src-server/sync/pull.js';
import { applyOps } from '../../../src-server/sync/push.js';
import type { PullResponse } from '../../../src-shared/sync/protocol.js';
import { freshPostgres } from '../../helpers/central-server.js';
import { makeOrder } from '../../helpers/orders.js';
import { describeNeeding, POSTGRES } from '../../helpers/requirements.js';
import { op } from '../../helpers/server-process-pair.js';

/**
 * The database as a pull sees it, with `meanwhile` run once just before the pull's first
 * read after the change number: another process's commit landing between two reads.
 */
function writeBetweenReads(db: ServerDb, meanwhile: () => Promise<unknown>): ServerDb {
  const dialect = new PgDialect();
  let done = false;
  const wrap = (target: ServerDb): ServerDb =>
    new Proxy(target, {
      get(obj, key, receiver) {
        if (key === 'execute') {
          return async (query: SQL) => {
            if (!done && !dialect.sqlToQuery(query).sql.includes('sync_state')) {
              done = true;
              await meanwhile();
            }
            return obj.execute(query);
          };
        }
        if (key === 'transaction') {
          return (work: (tx: ServerDb) => Promise<unknown>, config?: unknown) =>
            (obj.transaction as (w: (tx: unknown) => Promise<unknown>, c?: unknown) => Promise<unknown>)(
              (tx) => work(wrap(tx as ServerDb)),
              config,
            );
        }
        return Reflect.get(obj, key, receiver) as unknown;
      },
    });
  return wrap(db);
}

describeNeeding(POSTGRES, 'processes racing on one PostgreSQL, step by step (PGlite is one process)', () => {
  it('makes one admin token when several processes start at once', async () => {
    const fresh = await freshPostgres();
    const opened = await Promise.all([
      openServerDatabase({ databaseUrl: fresh.url }),
      openServerDatabase({ databaseUrl: fresh.url }),
    ]);
    try {
      const made = await Promise.all(
        Array.from({ length: 6 }, (_, i) => ensureAdminToken(opened[i % 2]!.db, new Date())),
      );
      expect(made.filter((t) => t !== null)).toHaveLength(1);
    } finally {
      await Promise.all(opened.map((o) => o.close()));
      await fresh.drop();
    }
  });

  it('reads one snapshot: an order changed again between two reads keeps the history of both changes', async () => {
    const fresh = await freshPostgres();
    const opened = await openServerDatabase({ databaseUrl: fresh.url });
    try {
      const db = opened.db;
      const pc = (id: number): ClientIdentity => ({
        id,
        kind: 'pc',
        name: `本部PC${id}`,
        storeId: 'honbu',
        storeName: '本部',
        isHeadOffice: true,
      });
      const comment = (n: number) =>
        op('SNAP-1', `snap-comment-${n}`, 'head', { kind: 'staff_comment', fields: { staffComment: `メモ${n}` } });
      await intakeOrders(db, [makeOrder({ orderNo: 'SNAP-1', storeId: 'tokyo' })], 'テスト', new Date());
      const cursor = await lastChange(db);
      await applyOps(db, pc(1), [comment(1)], new Date());

      const reader = pc(2);
      const first = JSON.parse(
        await pullPage(
          writeBetweenReads(db, () => applyOps(db, pc(1), [comment(2)], new Date())),
          reader,
          cursor,
          2000,
          new Date(),
        ).then((page) => page.json),
      ) as PullResponse;
      const second = JSON.parse((await pullPage(db, reader, first.cursor, 2000, new Date())).json) as PullResponse;
      const comments = [...first.history, ...second.history].map((h) => h.kind === 'staff_comment' && h.pcId);
      expect(comments).toEqual(['本部PC1', '本部PC1']);
      expect(second.cursor).toBe(await lastChange(db));
      expect(second.orders.map((o) => o.staffComment)).toEqual(['メモ2']);
    } finally {
      await opened.close();
      await fresh.drop();
    }
  });
});
