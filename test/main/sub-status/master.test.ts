import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertOrders } from '../../helpers/orders.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
});
afterEach(() => t.close());

const sqlite = () => t.app.ctx.database.sqlite;
const count = (table: string) => sqlite().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const ofStatus = async (mainStatus: string) =>
  (await t.call('app:masters', {})).subStatuses.filter((s) => s.mainStatus === mainStatus);

describe('注文サブステータス管理マスタメンテナンス', () => {
  it('adds a sub-status at the end of its main status, with its history and a sub_status outbox entry', async () => {
    const added = await t.call('subStatus:add', { mainStatus: 'paid', name: '  ギフト包装  ', color: '#AA3300' });
    expect(added).toMatchObject({ mainStatus: 'paid', name: 'ギフト包装', color: '#aa3300', retired: false });
    expect((await ofStatus('paid')).map((s) => s.name)).toEqual(['梱包中', 'ギフト包装']);
    expect(sqlite().prepare('SELECT entity, entity_id, kind, to_value, actor FROM master_history').all()).toEqual([
      { entity: 'sub_status', entity_id: String(added.id), kind: 'add', to_value: 'ギフト包装', actor: 'テスト担当' },
    ]);
    const outbox = sqlite()
      .prepare("SELECT entity, entity_id, kind, payload FROM sync_outbox WHERE entity = 'sub_status'")
      .get() as {
      payload: string;
    };
    expect(outbox).toMatchObject({ entity: 'sub_status', entity_id: String(added.id), kind: 'add' });
    expect(JSON.parse(outbox.payload)).toMatchObject({
      mainStatus: 'paid',
      name: 'ギフト包装',
      color: '#aa3300',
      retired: false,
    });
  });

  it('refuses a name the main status already has, or bad input, and changes nothing', async () => {
    const before = count('sub_statuses');
    await expect(t.call('subStatus:add', { mainStatus: 'new', name: '要確認', color: '#000000' })).rejects.toThrow(
      '「新規」には「要確認」がすでにあります。別の名前にしてください。',
    );
    await expect(t.call('subStatus:add', { mainStatus: 'new', name: ' ', color: '#000000' })).rejects.toThrow(
      /サブステータス名を入力/,
    );
    await expect(t.call('subStatus:add', { mainStatus: 'new', name: '赤', color: 'red' })).rejects.toThrow(/#RRGGBB/);
    expect(count('sub_statuses')).toBe(before);
    expect(count('master_history') + count('sync_outbox')).toBe(0);
  });

  it('renames and recolours as two recorded changes; orders keep the sub-status under its new name', async () => {
    const [sub] = await ofStatus('new');
    const [orderId] = insertOrders(sqlite(), [{ initial: { status: 'new', subStatusId: sub!.id } }]);
    const updated = await t.call('subStatus:update', { id: sub!.id, name: '要確認（電話）', color: '#123456' });
    expect(updated).toMatchObject({ name: '要確認（電話）', color: '#123456' });
    expect(sqlite().prepare('SELECT kind, from_value, to_value FROM master_history ORDER BY id').all()).toEqual([
      { kind: 'rename', from_value: '要確認', to_value: '要確認（電話）' },
      { kind: 'color', from_value: '#f9a825', to_value: '#123456' },
    ]);
    const row = (await t.call('orders:list', { tab: 'new' })).rows.find((r) => r.id === orderId);
    expect(row?.subStatusId).toBe(sub!.id);
  });

  it('reorders the sub-statuses of a main status and refuses an order that lost or invented one', async () => {
    const [first, second] = await ofStatus('out_of_stock');
    const reordered = await t.call('subStatus:reorder', { mainStatus: 'out_of_stock', ids: [second!.id, first!.id] });
    expect(reordered.map((s) => s.name)).toEqual([second!.name, first!.name]);
    expect((await ofStatus('out_of_stock')).map((s) => s.id)).toEqual([second!.id, first!.id]);
    expect(count('master_history')).toBe(2);
    await expect(t.call('subStatus:reorder', { mainStatus: 'out_of_stock', ids: [first!.id] })).rejects.toThrow(
      /並び順を保存できませんでした/,
    );
    await expect(t.call('subStatus:reorder', { mainStatus: 'out_of_stock', ids: [first!.id, 9999] })).rejects.toThrow(
      /並び順/,
    );
    expect((await ofStatus('out_of_stock')).map((s) => s.id)).toEqual([second!.id, first!.id]);
  });

  it('retires a sub-status: still on its orders and in the masters, no longer offered, and can come back', async () => {
    const [, reserved] = await ofStatus('new');
    insertOrders(sqlite(), [
      { initial: { status: 'new', subStatusId: reserved!.id } },
      { initial: { status: 'new', subStatusId: reserved!.id } },
    ]);
    expect(await t.call('subStatus:usage', {})).toEqual({ [reserved!.id]: 2 });
    const retired = await t.call('subStatus:setRetired', { id: reserved!.id, retired: true });
    expect(retired.retired).toBe(true);
    expect((await ofStatus('new')).find((s) => s.id === reserved!.id)).toMatchObject({
      name: '予約商品',
      retired: true,
    });
    expect(sqlite().prepare('SELECT count(*) FROM orders WHERE sub_status_id = ?').pluck().get(reserved!.id)).toBe(2);
    const restored = await t.call('subStatus:setRetired', { id: reserved!.id, retired: false });
    expect(restored.retired).toBe(false);
    expect(sqlite().prepare('SELECT kind FROM master_history ORDER BY id').pluck().all()).toEqual([
      'retire',
      'restore',
    ]);
    expect(
      sqlite().prepare("SELECT kind FROM sync_outbox WHERE entity = 'sub_status' ORDER BY seq").pluck().all(),
    ).toEqual(['retire', 'restore']);
  });
});
