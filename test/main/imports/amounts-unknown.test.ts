import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../src-shared/api/imports.js';
import { placeholderValues, loadMailOrders } from '../../../src-main/mail/mail-order.js';
import { setUpLabelStore } from '../../helpers/carrier-store.js';
import { insertOrders } from '../../helpers/orders.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { amazonReport, fileOrder, sjis, upload, type FileOrder } from '../../helpers/order-files.js';
import { pdfPages } from '../../helpers/pdf-tools.js';
import { PDFTOTEXT, describeNeeding } from '../../helpers/requirements.js';

let t: TestApp;
beforeEach(() => {
  t = createTestApp();
  t.app.ctx.settings.set('storeId', 'osaka');
  t.app.ctx.settings.set('documents', { dir: path.join(t.dir, 'documents'), deliveryNotePrices: true });
});
afterEach(() => t.close());

const db = () => t.app.ctx.database.sqlite;

/** 2 × ¥1,650 + ¥2,200 + 送料 ¥550. */
const ORDER: FileOrder = fileOrder({ orderNo: '249-1111111-2222222', payment: 'Other' });
const PRICED_TOTAL = 2 * 1650 + 2200 + 550;

async function preview(text: string): Promise<ImportPreview> {
  const result = await t.call('imports:preview', {
    files: [upload('unshipped.txt', sjis(text))],
    channel: 'yahoo_shopping',
  });
  if (result.kind !== 'preview') throw new Error(`expected a preview, got ${result.kind}`);
  return result;
}

async function importReport(prices: boolean): Promise<ImportPreview> {
  const p = await preview(amazonReport([ORDER], new Set(), { prices }));
  await t.call('imports:commit', { previewId: p.previewId });
  return p;
}

const row = () =>
  db()
    .prepare('SELECT id, amounts_unknown, subtotal, shipping_fee, total, status FROM orders WHERE order_no = ?')
    .get(ORDER.orderNo) as {
    id: number;
    amounts_unknown: number;
    subtotal: number;
    shipping_fee: number;
    total: number;
    status: string;
  };

const gridRow = async () => (await t.call('orders:list', { tab: 'new', offset: 0, limit: 50 })).rows[0]!;

describe('金額未取得: an order file without prices', () => {
  it('marks the order 金額未取得; a priced report fills the amounts and clears the mark, in the history', async () => {
    expect((await importReport(false)).newOrders[0]).toMatchObject({ amountsUnknown: true });
    expect(row()).toMatchObject({ amounts_unknown: 1, subtotal: 0, total: 0 });
    expect(t.app.ctx.services.orders.get(row().id)!.amountsUnknown).toBe(true);
    expect((await gridRow()).amountsUnknown).toBe(1);

    // The same file again brings nothing new.
    expect((await preview(amazonReport([ORDER], new Set(), { prices: false }))).counts).toMatchObject({
      updated: 0,
      unchanged: 1,
    });

    const priced = await preview(amazonReport([ORDER]));
    expect(priced.counts).toMatchObject({ new: 0, updated: 1 });
    expect(priced.updates[0]!.changed).toContain('金額（金額未取得の解除）');
    await t.call('imports:commit', { previewId: priced.previewId });
    expect(row()).toMatchObject({
      amounts_unknown: 0,
      subtotal: 2 * 1650 + 2200,
      shipping_fee: 550,
      total: PRICED_TOTAL,
    });
    expect((await gridRow()).amountsUnknown).toBe(0);
    const history = t.app.ctx.services.orders.history(row().id);
    expect(history.some((h) => h.kind === 'import_update' && h.to?.includes('金額未取得の解除'))).toBe(true);
    // What goes to the central server says so too.
    const sent = db()
      .prepare("SELECT payload FROM sync_outbox WHERE kind = 'import_update' ORDER BY seq DESC")
      .pluck()
      .get() as string;
    expect(JSON.parse(sent).fields).toMatchObject({ amountsUnknown: false, total: PRICED_TOTAL });

    // A file without prices afterwards leaves the known amounts as they are: never back to ¥0.
    const again = await preview(amazonReport([ORDER], new Set(), { prices: false }));
    expect(again.counts.updated).toBe(0);
    await t.call('imports:commit', { previewId: again.previewId });
    expect(row()).toMatchObject({ amounts_unknown: 0, total: PRICED_TOTAL });
  });

  it('fills the amounts of an order already past 新規 (here: cancelled), which other changes may not touch', async () => {
    await importReport(false);
    await t.call('operations:cancel', { orderIds: [row().id], reason: '取消' });
    expect(row().status).toBe('cancelled');
    // A line's 棚番 and 税率 as the store had them: a filled price keeps them.
    db().prepare("UPDATE order_items SET location = 'A-01', tax_rate = 8 WHERE sku = 'MG-010'").run();
    const priced = await preview(amazonReport([ORDER]));
    expect(priced.counts.updated).toBe(1);
    await t.call('imports:commit', { previewId: priced.previewId });
    expect(row()).toMatchObject({ amounts_unknown: 0, total: PRICED_TOTAL, status: 'cancelled' });
    expect(t.app.ctx.services.orders.get(row().id)!.items[0]).toMatchObject({
      sku: 'MG-010',
      unitPrice: 1650,
      location: 'A-01',
      taxRate: 8,
    });
  });

  it('a unit price the clerk types in F12 makes the amounts known, and the change sent to the server says so', async () => {
    await importReport(false);
    const { order, version } = await t.call('detail:get', { id: row().id });
    const form = {
      id: row().id,
      version,
      unitPrices: order.items.map((i) => ({ lineNo: i.lineNo, unitPrice: i.lineNo === 1 ? 1650 : i.unitPrice })),
      discount: order.discount,
      shippingFee: 550,
      codFee: order.codFee,
      orderComment: order.orderComment,
      staffComment: order.staffComment,
      subStatusId: order.subStatusId,
    };
    const { detail } = await t.call('detail:save', form);
    expect(detail.order.amountsUnknown).toBe(false);
    expect(row()).toMatchObject({ amounts_unknown: 0, subtotal: 2 * 1650, total: 2 * 1650 + 550 });
    const sent = db().prepare("SELECT payload FROM sync_outbox WHERE kind = 'unit_price'").pluck().all() as string[];
    expect(sent.map((p) => JSON.parse(p).fields.amountsUnknown)).toEqual([false]);
    expect(detail.history.find((h) => h.kind === 'unit_price')?.reason).toContain('金額未取得の解除');
  });

  it('leaves the amount cells of E9 CSV empty and words the mail placeholders, not ¥0', async () => {
    await importReport(false);
    const csv = await t.call('csvExport:run', {
      tab: 'new',
      orderIds: [row().id],
      columns: ['orderNo', 'subtotal', 'total'],
      encoding: 'utf8bom',
    });
    const lines = Buffer.from(csv.file.base64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[1]).toMatch(/^"?249-1111111-2222222"?,,$/);
    const mail = loadMailOrders(db(), [row().id]).get(row().id)!;
    const values = placeholderValues(mail, t.app.ctx.settings.get('mail'));
    expect(values.合計金額).toBe('ご注文時の金額のとおり');
    expect(values.商品明細).not.toContain('¥');
  });
});

describe('金額未取得 and 代金引換', () => {
  it('makes no carrier label for a 代引 parcel whose amount is unknown (it would collect ¥0)', async () => {
    setUpLabelStore(t);
    const [cod] = insertOrders(db(), [
      { order: { orderNo: 'COD-UNKNOWN', paymentMethod: 'cod', amountsUnknown: true }, initial: { status: 'paid' } },
    ]);
    const result = await t.call('carriers:export', { format: 'yamato_b2', orderIds: [cod!], shipDate: '2026-11-28' });
    expect(result.files).toEqual([]);
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        orderNo: 'COD-UNKNOWN',
        field: '代引金額',
        message: expect.stringContaining('金額未取得'),
      }),
    );
  });
});

describeNeeding(PDFTOTEXT, '金額未取得 on the 納品書', () => {
  it('omits the money block for such an order and shows it once the amounts are known', async () => {
    await importReport(false);
    const unknown = await t.call('printing:run', { kind: 'delivery_note', orderIds: [row().id], output: 'pdf' });
    const text = pdfPages(unknown.filePath).join('\n');
    expect(text).toContain('有田焼 マグカップ 藍');
    expect(text).not.toContain('¥');
    expect(text).not.toMatch(/合計/);
    await importReport(true);
    const known = await t.call('printing:run', { kind: 'delivery_note', orderIds: [row().id], output: 'pdf' });
    expect(pdfPages(known.filePath).join('\n')).toMatch(/合計\s+¥6,050/);
  });
});
