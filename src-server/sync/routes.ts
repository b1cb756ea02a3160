import type { ServerResponse } from 'node:http';
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { mastersUpload, type HelloResponse } from '../../src-shared/sync/protocol.js';
import { logRefused } from '../auth.js';
import { bad, parse, readJson, type Env, type RouteDeps } from '../http/route-kit.js';
import type { ConsoleServices } from '../console/services.js';
import { mastersOfKind, uploadMasters } from './masters.js';
import { pullPage } from './pull.js';
import { PullGate } from './pull-gate.js';
import { NEXT_PAGE_HEADER } from '../../src-shared/sync/versions.js';
import { NOT_YOURS } from './push.js';
import { pushOps } from './push-request.js';

/** /sync (a store PC's token): hello, push, pull, the head office's masters, the change stream. */
export function syncRoutes(
  { db, serverId, clock, hub, notify, address, refuse }: RouteDeps,
  fleet: ConsoleServices['fleet'],
): Hono<Env> {
  const app = new Hono<Env>();
  app.get('/hello', async (c) => {
    const client = c.get('client');
    await fleet.saveVersion(client, c.get('pcVersion'), clock.now());
    const update = c.get('updateRequired');
    const hello: HelloResponse = {
      ...(update ? { update: { message: update } } : {}),
      serverId,
      serverTime: clock.now().toISOString(),
      client: {
        id: client.id,
        name: client.name,
        storeId: client.storeId,
        storeName: client.storeName,
        isHeadOffice: client.isHeadOffice,
      },
    };
    return c.json(hello);
  });
  app.post('/push', async (c) => {
    const body = await readJson(c);
    if (!body.ok) return bad(c, body.message);
    const client = c.get('client');
    const pushed = await pushOps(db, client, body.value, clock.now(), notify);
    if (!pushed.ok) return bad(c, pushed.message);
    const { results } = pushed;
    const foreign = results.filter((r) => r.reason === NOT_YOURS).length;
    if (foreign > 0) {
      await logRefused(db, {
        at: clock.now(),
        clientId: client.id,
        address: address(c),
        method: 'POST',
        path: '/sync/push',
        reason: `担当外の注文への操作 ${foreign}件`,
      });
    }
    return c.json({ serverTime: clock.now().toISOString(), results });
  });
  const pullGate = new PullGate();
  app.get('/pull', async (c) => {
    const cursor = Number(c.req.query('cursor') ?? '0');
    const limit = Number(c.req.query('limit') ?? '2000');
    if (!Number.isSafeInteger(cursor) || cursor < 0 || !Number.isSafeInteger(limit))
      return bad(c, 'cursor / limit が正しくありません。');
    const copy = c.req.query('copy') === '1';
    const shape = c.req.query('packed') === '1' ? 'packed' : 'object';
    const packedStock = c.req.query('packedStock') === '1';
    const client = c.get('client');
    await pullGate.wait(client.id);
    const page = await pullPage(db, client, cursor, limit, clock.now(), { copy, shape, packedStock });
    pullGate.writingTo(client.id, (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing);
    // The next page's cursor as a header: the PC asks for that page before reading this one.
    // The body is encoded once (a page is megabytes; a string would be measured, then encoded).
    return c.body(Buffer.from(page.json), 200, {
      'content-type': 'application/json; charset=utf-8',
      ...(page.nextFrom === null ? {} : { [NEXT_PAGE_HEADER]: String(page.nextFrom) }),
    });
  });
  app.get('/master-rows', async (c) => {
    const kind = c.req.query('kind') ?? '';
    if (!/^[a-z_]{1,40}$/.test(kind)) return bad(c, 'kind が正しくありません。');
    return c.json({ masters: await mastersOfKind(db, kind) });
  });
  app.post('/masters', async (c) => {
    const client = c.get('client');
    if (!client.isHeadOffice) return refuse(c, 403, 'マスタを変更できるのは本部の PC だけです。', client);
    const input = await parse(c, mastersUpload);
    if (!input.ok) return bad(c, input.message);
    return c.json(await uploadMasters(db, input.value, notify));
  });
  app.get('/events', (c) =>
    streamSSE(c, async (stream) => {
      const client = c.get('client');
      const audience = { storeId: client.storeId, isHeadOffice: client.isHeadOffice, clientId: client.id };
      const unsubscribe = hub.subscribe(
        audience,
        (seq) => void stream.writeSSE({ event: 'change', data: String(seq) }),
        // A revoked token hears nothing more: its stream ends (and a reconnect gets 401).
        () => void stream.close(),
      );
      stream.onAbort(unsubscribe);
      await stream.writeSSE({ event: 'hello', data: clock.now().toISOString() });
      for (let ping = 1; !stream.aborted && !stream.closed; ping++) {
        await stream.sleep(15_000);
        if (!stream.aborted && !stream.closed) await stream.writeSSE({ event: 'ping', data: '' });
        // A PC listening here is online: its last-seen moves every minute (console 端末).
        if (ping % 4 === 0) await fleet.seen(client.id, clock.now());
      }
      unsubscribe();
    }),
  );
  return app;
}
