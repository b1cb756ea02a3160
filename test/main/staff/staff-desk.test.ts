import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/central-server.js';
import { ConsoleSessionClient } from '../../helpers/console-client.js';
import { makeOrder } from '../../helpers/orders.js';
import { closePc, connectedPc, localId } from '../../helpers/sync-pcs.js';
import type { TestApp } from '../../helpers/test-app.js';

let server: TestServer;
let head: ConsoleSessionClient;
let pc: TestApp;
const ids: Record<string, number> = {};

beforeAll(async () => {
  server = await startTestServer('pglite');
  head = new ConsoleSessionClient(server.url);
  await head.signIn('admin', server.firstPassword);
  await server.addStore('tokyo', '東京店');
  await server.addStore('osaka', '大阪店');
  for (const [name, storeId, isManager, pin] of [
    ['山田 店長', 'tokyo', true, '2468'],
    ['佐藤', 'tokyo', false, undefined],
    ['鈴木', 'tokyo', false, '1357'],
    ['大阪 花子', 'osaka', true, undefined],
  ] as const) {
    ids[name] = (await head.call('console:saveStaff', { storeId, name, isManager, pin })).id;
  }
  await head.call('console:saveStaff', { storeId: 'tokyo', name: '退職 者', retired: true });
  await server.intake(['STAFF-1', 'STAFF-2', 'STAFF-3'].map((orderNo) => makeOrder({ orderNo, storeId: 'tokyo' })));
  pc = await connectedPc(server, 'tokyo', '東京PC');
  await pc.call('sync:now', {});
}, 120_000);
afterAll(async () => {
  if (pc) closePc(pc);
  await server?.close();
});

describe('担当者 at a shared PC: picked from the staff list kept at head office', () => {
  it('lists this store’s staff from the server, without retired members or PINs', async () => {
    const desk = await pc.call('staff:desk', {});
    expect(desk.staff).toEqual([
      { id: ids['山田 店長'], name: '山田 店長', isManager: true, hasPin: true },
      { id: ids['佐藤'], name: '佐藤', isManager: false, hasPin: false },
      { id: ids['鈴木'], name: '鈴木', isManager: false, hasPin: true },
    ]);
    expect(desk.current).toEqual({ staffId: null, operator: 'テスト担当', isManager: false });
  });

  it('fetches a kind’s rows whole once when the PC gained its table after pulling past them', async () => {
    const { sqlite } = pc.app.ctx.database;
    // As a PC from before the staff table: its cursor is past the rows, it has none of them.
    sqlite.exec("DELETE FROM staff; DELETE FROM meta WHERE key = 'sync_master_kind:staff'");
    expect((await pc.call('staff:desk', {})).staff).toEqual([]);
    await pc.call('sync:now', {});
    expect((await pc.call('staff:desk', {})).staff.map((m) => m.name)).toEqual(['山田 店長', '佐藤', '鈴木']);
  });

  it('asks the PIN of a member who has one, and records the picked person in the history', async () => {
    await expect(pc.call('staff:pick', { staffId: ids['鈴木']!, pin: '' })).rejects.toThrow('PIN が正しくありません');
    await expect(pc.call('staff:pick', { staffId: ids['鈴木']!, pin: '9999' })).rejects.toThrow(
      'PIN が正しくありません',
    );
    await expect(pc.call('staff:pick', { staffId: ids['大阪 花子']!, pin: '' })).rejects.toThrow(
      'この店舗のスタッフ一覧にいません',
    );
    expect((await pc.call('staff:desk', {})).current.operator).toBe('テスト担当');
    expect(await pc.call('staff:pick', { staffId: ids['鈴木']!, pin: '1357' })).toEqual({
      staffId: ids['鈴木'],
      operator: '鈴木',
      isManager: false,
    });
    const order = localId(pc, 'STAFF-1')!;
    await pc.call('operations:cancel', { orderIds: [order], reason: '重複注文' });
    const actor = pc.app.ctx.database.sqlite
      .prepare("SELECT actor FROM order_history WHERE order_id = ? AND to_value = 'cancelled'")
      .pluck()
      .get(order);
    expect(actor).toBe('鈴木');
  });

  it('leaves 設定, バックアップ復元 and a bulk 注文取消 to a 管理者, and changes nothing for anyone else', async () => {
    await pc.call('staff:pick', { staffId: ids['佐藤']!, pin: '' });
    const before = await pc.call('settings:general', {});
    await expect(pc.call('settings:saveGeneral', { ...before, pcId: '別の名前' })).rejects.toThrow(
      '設定の変更は管理者のスタッフだけが行えます',
    );
    await expect(pc.call('mail:saveReminderDays', { unpaid: 3, orderForm: 3 })).rejects.toThrow('管理者');
    await expect(pc.call('backup:restore', { name: 'chumon-2026-11-20T03-00-00Z-manual.sqlite' })).rejects.toThrow(
      'バックアップの復元は管理者のスタッフだけが行えます',
    );
    const two = [localId(pc, 'STAFF-2')!, localId(pc, 'STAFF-3')!];
    await expect(pc.call('operations:cancel', { orderIds: two, reason: '欠品' })).rejects.toThrow(
      '一括注文取消は管理者のスタッフだけが行えます',
    );
    await expect(pc.call('bulk:setStatus', { orderIds: two, target: 'cancelled', reason: '欠品' })).rejects.toThrow(
      '一括注文取消は管理者',
    );
    expect(await pc.call('settings:general', {})).toEqual(before);
    const statuses = pc.app.ctx.database.sqlite
      .prepare(`SELECT status FROM orders WHERE id IN (${two.join(',')})`)
      .pluck()
      .all();
    expect(statuses).toEqual(['new', 'new']);

    await pc.call('staff:pick', { staffId: ids['山田 店長']!, pin: '2468' });
    await pc.call('settings:saveGeneral', { ...before, operator: '山田 店長', pcId: '東京PC-1' });
    expect((await pc.call('settings:general', {})).pcId).toBe('東京PC-1');
    expect(await pc.call('operations:cancel', { orderIds: two, reason: '欠品' })).toMatchObject({ applied: 2 });
  });
});
