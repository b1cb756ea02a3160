import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePc, localId } from '../helpers/sync-pcs.js';
import { makeOrder } from '../helpers/orders.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { createTestApp, TestClock, type TestApp } from '../helpers/test-app.js';
import type { PushResponse } from '../../src-shared/sync/protocol.js';
import { newPgliteDir } from '../helpers/server-templates.js';

/**
 * A NUL (or a lone surrogate) once blocked a PC's sync both ways for good: F12 took it, the
 * server's jsonb refused it with a 500 for the whole push, and the PC pushed that batch
 * before every pull. Here against the central server as its own process (embedded PGlite).
 */

let server: ServerProcess;
let dataDir: string;
let pc: TestApp;
let pcToken: string;

async function admin<T>(method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${route}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Peak resident memory of the server process so far, in bytes (Linux). */
function peakMemory(): number {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)![1]) * 1024;
}

beforeAll(async () => {
  dataDir = newPgliteDir();
  server = await startServerProcess({ dataDir });
  await admin('POST', '/admin/stores', { id: 'tokyo', name: '東京店' });
  pcToken = (await admin<{ token: string }>('POST', '/admin/clients', { kind: 'pc', name: '東京PC', storeId: 'tokyo' }))
    .token;
  pc = createTestApp({ clock: new TestClock(new Date()) });
  await pc.call('sync:saveSettings', { serverUrl: server.url, token: pcToken });
  // Rounds run when the test says (F6), not from the live notices.
  pc.app.ctx.services.sync.stopLive();
  await admin('POST', '/intake/orders', { orders: [makeOrder({ orderNo: 'NUL-1' }), makeOrder({ orderNo: 'NUL-2' })] });
  await pc.call('sync:now', {});
}, 120_000);
afterAll(async () => {
  if (pc) closePc(pc);
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** F12's 保存 with a new 受注後コメント, the rest of the form as it is. */
async function saveComment(orderNo: string, staffComment: string) {
  const detail = await pc.call('detail:get', { id: localId(pc, orderNo)! });
  return pc.call('detail:save', {
    id: detail.order.id,
    version: detail.version,
    unitPrices: detail.order.items.map((i) => ({ lineNo: i.lineNo, unitPrice: i.unitPrice })),
    discount: detail.order.discount,
    shippingFee: detail.order.shippingFee,
    codFee: detail.order.codFee,
    orderComment: detail.order.orderComment,
    staffComment,
    subStatusId: detail.order.subStatusId,
  });
}

describe('a NUL through F12 and sync (real server process)', () => {
  it('F12 refuses a NUL or a lone surrogate with a Japanese message and changes nothing', async () => {
    const id = localId(pc, 'NUL-1')!;
    const outbox = () => pc.app.ctx.database.sqlite.prepare('SELECT count(*) FROM sync_outbox').pluck().get();
    const before = { comment: (await pc.call('detail:get', { id })).order.staffComment, outbox: outbox() };
    for (const staffComment of ['メモ\u0000', 'メモ\ud800', '\u202eメモ'])
      await expect(saveComment('NUL-1', staffComment)).rejects.toThrow(/制御文字|壊れた文字|文字の向き/);
    expect({ comment: (await pc.call('detail:get', { id })).order.staffComment, outbox: outbox() }).toEqual(before);
  });

  it('a NUL already in the PC (an older version let it in) holds back neither later changes nor the pull', async () => {
    const sqlite = pc.app.ctx.database.sqlite;
    const id = localId(pc, 'NUL-1')!;
    // Written as an older version wrote it: straight into the order, its history and the
    // outbox (today's journal refuses such a payload before it reaches the outbox).
    const at = new Date().toISOString();
    const actor = pc.app.ctx.actor();
    const broken = '壊れた\u0000コメント';
    sqlite.transaction(() => {
      sqlite.prepare('UPDATE orders SET staff_comment = ? WHERE id = ?').run(broken, id);
      sqlite
        .prepare(
          `INSERT INTO order_history (order_id, at, actor, store_id, pc_id, kind, from_value, to_value, reason)
           VALUES (?, ?, ?, ?, ?, 'staff_comment', '', ?, '')`,
        )
        .run(id, at, actor.operator, actor.storeId, actor.pcId, broken);
      const payload = {
        orderNo: 'NUL-1',
        at,
        actor,
        reason: '',
        from: '',
        to: broken,
        fields: { staffComment: broken },
      };
      sqlite
        .prepare(
          `INSERT INTO sync_outbox (op_id, entity, entity_id, kind, payload, created_at)
           VALUES (?, 'order', ?, 'staff_comment', ?, ?)`,
        )
        .run(`nul-${id}-older-version`, String(id), JSON.stringify(payload), at);
    })();
    // A later change of another order, and a new order arriving at the server.
    await saveComment('NUL-2', '梱包注意');
    await admin('POST', '/intake/orders', { orders: [makeOrder({ orderNo: 'NUL-3' })] });

    const report = await pc.call('sync:now', {});
    expect(report.sent).toBe(1);
    expect(report.refused).toHaveLength(1);
    expect(report.refused[0]).toMatchObject({ orderNo: 'NUL-1', attempted: 'コメント変更（受注後コメント）' });
    expect(report.refused[0]!.reason).toMatch(/制御文字/);
    expect(localId(pc, 'NUL-3')).toBeDefined();
    expect((await pc.call('sync:status', {})).pending).toBe(0);
    // The server took the later change and never saw the NUL.
    const pulled = await fetch(`${server.url}/sync/pull?cursor=0&limit=100`, {
      headers: { authorization: `Bearer ${pcToken}` },
    });
    const text = await pulled.text();
    expect(text).not.toContain('\\u0000');
    const orders = (JSON.parse(text) as { orders: { orderNo: string; staffComment: string }[] }).orders;
    expect(orders.find((o) => o.orderNo === 'NUL-2')!.staffComment).toBe('梱包注意');
  });

  it('the server answers a pushed NUL op with its own refusal, never a failed batch', async () => {
    const at = new Date().toISOString();
    const base = { channel: 'yahoo_shopping', at, actor: { operator: 'x', pcId: 'x', storeId: 'tokyo' } };
    const res = await fetch(`${server.url}/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${pcToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        ops: [
          {
            ...base,
            opId: 'raw-nul-op-1',
            orderNo: 'NUL-3',
            kind: 'staff_comment',
            fields: { staffComment: 'a\u0000' },
          },
          {
            ...base,
            opId: 'raw-sur-op-1',
            orderNo: 'NUL-3',
            kind: 'staff_comment',
            fields: { staffComment: '\udc00' },
          },
          { ...base, opId: 'raw-ok-op-01', orderNo: 'NUL-3', kind: 'staff_comment', fields: { staffComment: '普通' } },
        ],
      }),
    });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as PushResponse;
    expect(results.map((r) => [r.opId, r.accepted])).toEqual([
      ['raw-nul-op-1', false],
      ['raw-sur-op-1', false],
      ['raw-ok-op-01', true],
    ]);
  });

  it('a 61 MB push is turned away before it is read: the server does not balloon, and goes on serving', async () => {
    const before = peakMemory();
    const res = await fetch(`${server.url}/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${pcToken}`, 'content-type': 'application/json' },
      body: `{"ops":[{"opId":"${'x'.repeat(61 * 1024 * 1024)}"}]}`,
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toMatch(/大きすぎ/);
    expect(peakMemory() - before).toBeLessThan(100 * 1024 * 1024);
    expect((await pc.call('sync:now', {})).sent).toBe(0);
  }, 60_000);
});
