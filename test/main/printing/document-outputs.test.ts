import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentOutput } from '../../../src-shared/domain/print-kinds.js';
import { cupsJobAttributes, cupsPdfOf, pdfInfo, waitForJob } from '../../helpers/cups-jobs.js';
import { insertOrders } from '../../helpers/orders.js';
import { pdfPages } from '../../helpers/pdf-tools.js';
import { CUPS_QUEUE, CUPS_QUEUE_A5, CUPS_TWO_QUEUES, PDFTOTEXT, describeNeeding } from '../../helpers/requirements.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let docs: string;

beforeEach(() => {
  t = createTestApp();
  docs = path.join(t.dir, 'documents');
  t.app.ctx.settings.set('documents', { dir: docs, deliveryNotePrices: true });
});
afterEach(() => t.close());

function twoOrders(): number[] {
  return insertOrders(
    t.app.ctx.database.sqlite,
    ['OUT-1', 'OUT-2'].map((orderNo) => ({
      order: {
        orderNo,
        items: [
          { lineNo: 1, sku: 'MG-010', title: '有田焼 マグカップ 藍', quantity: 1, unitPrice: 1650, location: 'B-1' },
        ],
      },
      initial: { status: 'paid' as const },
    })),
  );
}

function saveOutputs(outputs: { picking: DocumentOutput; delivery_note: DocumentOutput }) {
  return t.call('printing:saveSettings', {
    printer: '',
    deliveryNotePrices: true,
    csvEncoding: 'shift_jis',
    documentsDir: docs,
    outputs,
  });
}

const A4 = { width: 595.28, height: 841.89 };
const A5 = { width: 419.53, height: 595.28 };

describeNeeding(PDFTOTEXT, 'paper per document', () => {
  it('lays an A5 納品書 out on A5 and keeps the picking list on A4', async () => {
    t.app.ctx.settings.set('documentOutputs', {
      picking: { printer: '', paper: 'A4', copies: 1 },
      delivery_note: { printer: '', paper: 'A5', copies: 1 },
    });
    const ids = twoOrders();
    const note = await t.call('printing:run', { kind: 'delivery_note', orderIds: ids, output: 'pdf' });
    const noteInfo = pdfInfo(note.filePath);
    expect(noteInfo.width).toBeCloseTo(A5.width, -1);
    expect(noteInfo.height).toBeCloseTo(A5.height, 0);
    expect(noteInfo.pages).toBe(2);
    const text = pdfPages(note.filePath).join('\n');
    expect(text).toContain('有田焼 マグカップ 藍');
    expect(text).toMatch(/合計\s+¥/);
    const list = await t.call('printing:run', { kind: 'picking', orderIds: ids, output: 'pdf' });
    expect(pdfInfo(list.filePath).width).toBeCloseTo(A4.width, 0);
  });
});

describe('a document’s own printer', () => {
  it('refuses a printer this PC does not have, naming the document, and saves nothing', async () => {
    const before = await t.call('printing:settings', {});
    await expect(
      saveOutputs({
        picking: { printer: '', paper: 'A4', copies: 1 },
        delivery_note: { printer: 'もう無いプリンタ', paper: 'A5', copies: 1 },
      }),
    ).rejects.toThrow('納品書のプリンタ「もう無いプリンタ」はこの PC にありません');
    expect((await t.call('printing:settings', {})).outputs).toEqual(before.outputs);
  });

  it('says which document and which printer when the printer is gone, and marks nothing 印刷済み', async () => {
    t.app.ctx.settings.set('documentOutputs', {
      picking: { printer: '', paper: 'A4', copies: 1 },
      delivery_note: { printer: 'Gone_Printer', paper: 'A4', copies: 1 },
    });
    const ids = twoOrders();
    await expect(t.call('printing:run', { kind: 'delivery_note', orderIds: ids, output: 'printer' })).rejects.toThrow(
      /納品書のプリンタ「Gone_Printer」が見つかりません。.*何も印刷していません/,
    );
    const marks = await t.call('printing:marks', { orderIds: ids });
    expect(marks.printed.delivery_note).toBe(0);
    expect(await t.call('printing:jobs', { limit: 20 })).toHaveLength(0);
  });
});

describeNeeding(CUPS_TWO_QUEUES, 'two CUPS queues with different paper (cups-pdf)', () => {
  it('sends the picking list to the A4 queue once and the 納品書 to the A5 queue twice', async () => {
    const saved = await saveOutputs({
      picking: { printer: CUPS_QUEUE, paper: 'A4', copies: 1 },
      delivery_note: { printer: CUPS_QUEUE_A5, paper: 'A5', copies: 2 },
    });
    expect(saved.outputs.delivery_note).toEqual({ printer: CUPS_QUEUE_A5, paper: 'A5', copies: 2 });
    expect(await t.call('printing:target', { kind: 'delivery_note' })).toEqual({ printer: CUPS_QUEUE_A5, reason: '' });
    const ids = twoOrders();
    const list = await t.call('printing:run', { kind: 'picking', orderIds: ids, output: 'printer' });
    const note = await t.call('printing:run', { kind: 'delivery_note', orderIds: ids, output: 'printer' });
    expect(list.printer).toBe(CUPS_QUEUE);
    expect(note.printer).toBe(CUPS_QUEUE_A5);
    await waitForJob(CUPS_QUEUE, list.printerJob!);
    await waitForJob(CUPS_QUEUE_A5, note.printerJob!);

    const [listPdf] = cupsPdfOf(list.printerJob!);
    const [notePdf] = cupsPdfOf(note.printerJob!);
    const listInfo = pdfInfo(listPdf!);
    const noteInfo = pdfInfo(notePdf!);
    // cups-pdf rounds the paper to whole points (A5 = 421 × 595): within 5 pt is the paper.
    const noteText = pdfPages(notePdf!).join('\n');
    rmSync(listPdf!);
    rmSync(notePdf!);
    expect(listInfo.width).toBeCloseTo(A4.width, -1);
    expect(listInfo.pages).toBe(list.pages);
    expect(noteInfo.width).toBeCloseTo(A5.width, -1);
    expect(noteInfo.height).toBeCloseTo(A5.height, -1);
    expect(noteInfo.pages).toBe(note.pages);
    expect(cupsJobAttributes(list.printerJob!)).toEqual({ copies: 1, media: 'A4' });
    expect(cupsJobAttributes(note.printerJob!)).toEqual({ copies: 2, media: 'A5' });
    expect(noteText).toContain('注文番号 OUT-1');
    const marks = await t.call('printing:marks', { orderIds: ids });
    expect(marks.printed).toEqual({ picking: 2, delivery_note: 2 });
  });
});
