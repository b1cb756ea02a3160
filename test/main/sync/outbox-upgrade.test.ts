import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureDefaultMasters } from '../../../src-main/db/defaults.js';
import { openDatabase } from '../../../src-main/db/open.js';
import { OutboxReader } from '../../../src-main/sync/outbox.js';
import { insertOrders } from '../../helpers/orders.js';
import { MIGRATIONS } from '../../helpers/test-app.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-outbox-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The migrations folder as an earlier Chumon shipped it: its first `count` migrations. */
function migrationsUpTo(count: number): string {
  const folder = path.join(dir, `migrations-${count}`);
  cpSync(MIGRATIONS, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

const actor = { operator: '店員', pcId: 'PC1', storeId: 'tokyo' };
const common = (orderNo: string) => ({
  orderNo,
  from: null,
  to: null,
  reason: '',
  at: '2026-11-27T01:00:00.000Z',
  actor,
});

describe('changes queued by an earlier Chumon', () => {
  it('are sent after the upgrade as the wire operation of their kind', () => {
    const file = path.join(dir, 'chumon.sqlite');
    const old = openDatabase(file, migrationsUpTo(17));
    ensureDefaultMasters(old.sqlite);
    const [id] = insertOrders(old.sqlite, [{ order: { orderNo: 'OLD-1', storeId: 'tokyo' } }]);
    const queue = old.sqlite.prepare(
      "INSERT INTO sync_outbox (op_id, entity, entity_id, kind, payload, created_at) VALUES (?, 'order', ?, ?, ?, ?)",
    );
    // Payloads as the journal and the mail-state trigger wrote them before change kinds had bodies.
    const legacy: [string, Record<string, unknown>][] = [
      ['store', { ...common('OLD-1'), storeId: 'osaka' }],
      ['buyer_rating', { ...common('OLD-1'), buyerRating: false }],
      ['discount', { ...common('OLD-1'), discount: 100 }],
      ['bundle', { ...common('OLD-1'), bundleGroup: null }],
      ['unit_price', { ...common('OLD-1'), lineNo: 1, sku: 'SKU-1', unitPrice: 900 }],
      ['import_update', { ...common('OLD-1'), channel: 'yahoo_shopping', orderComment: '新', total: 1000 }],
      ['mail', { ...common('OLD-1'), mail: 'shipped', result: 'marked' }],
      ['mail_state', { orderNo: 'OLD-1', channel: 'yahoo_shopping', mailPending: false, mailStatus: 'paid' }],
      ['status', { ...common('OLD-1'), operation: 'cancel', bundleGroup: 'g' }],
    ];
    legacy.forEach(([kind, payload], n) =>
      queue.run(
        `legacy-op-${n}`.padEnd(32, '0'),
        String(id),
        kind,
        JSON.stringify(payload),
        '2026-11-27T01:00:00.000Z',
      ),
    );
    old.sqlite.close();

    const upgraded = openDatabase(file, MIGRATIONS);
    const sent = new OutboxReader(upgraded.sqlite).next(100);
    upgraded.sqlite.close();
    expect(sent.filter((s) => s.op === null)).toEqual([]);
    const ops = sent.map((s) => s.op!);
    expect(ops.map((o) => o.kind)).toEqual(legacy.map(([kind]) => kind));
    expect(ops.map((o) => ('fields' in o ? o.fields : undefined))).toEqual([
      { storeId: 'osaka' },
      { buyerRating: false },
      { discount: 100 },
      { bundleGroup: null },
      { items: [expect.objectContaining({ lineNo: 1 })] },
      { orderComment: '新', total: 1000 },
      { mailPending: false },
      { mailPending: false },
      undefined,
    ]);
    expect(ops[6]).toMatchObject({ mailStatus: 'shipped' });
    expect(ops[7]).toMatchObject({ mailStatus: 'paid', actor: { operator: '', pcId: '' } });
    expect(ops.every((o) => o.channel === 'yahoo_shopping' && o.orderNo === 'OLD-1')).toBe(true);
  });
});
