import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertOrders } from '../../helpers/orders.js';
import { pdfPages } from '../../helpers/pdf-tools.js';
import { PDFTOTEXT, describeNeeding } from '../../helpers/requirements.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;

beforeEach(() => {
  t = createTestApp();
  t.app.ctx.settings.set('documents', { dir: path.join(t.dir, 'documents'), deliveryNotePrices: true });
});
afterEach(() => t.close());

async function saveNumber(registrationNumber: string) {
  const current = await t.call('printing:settings', {});
  return t.call('printing:saveSettings', {
    printer: '',
    deliveryNotePrices: true,
    csvEncoding: current.csvEncoding,
    documentsDir: current.documentsDir,
    registrationNumber,
  });
}

/** A mixed order: food at the reduced 8%, a mug at 10%, 送料 at 10%. */
function mixedOrder(): number[] {
  return insertOrders(t.app.ctx.database.sqlite, [
    {
      order: {
        orderNo: 'INV-0001',
        shippingFee: 800,
        items: [
          {
            lineNo: 1,
            sku: 'TEA-01',
            title: '静岡 深蒸し煎茶 100g',
            quantity: 3,
            unitPrice: 1080,
            location: '',
            taxRate: 8,
          },
          { lineNo: 2, sku: 'MG-010', title: '有田焼 マグカップ 藍', quantity: 2, unitPrice: 1650, location: '' },
        ],
      },
      initial: { status: 'paid' },
    },
  ]);
}

describe('登録番号 in 設定 → 印刷・CSV', () => {
  it('refuses a number that is not T + 13 digits, in Japanese, and keeps the saved one', async () => {
    await saveNumber('T1234567890123');
    for (const bad of ['1234567890123', 'T123456789012', 'T12345678901234', 'TABCDEFGHIJKLM']) {
      await expect(saveNumber(bad)).rejects.toThrow('登録番号は「T」に続く 13 桁の数字で入力してください');
    }
    expect((await t.call('printing:settings', {})).registrationNumber).toBe('T1234567890123');
  });

  it('takes full-width and hyphenated input as the plain number', async () => {
    const saved = await saveNumber('Ｔ１２３４-５６７８-９０１２３');
    expect(saved.registrationNumber).toBe('T1234567890123');
  });
});

describeNeeding(PDFTOTEXT, '納品書 as a 適格請求書', () => {
  it('shows the 登録番号, ※ on reduced-rate lines with the legend, and each rate total with its tax', async () => {
    await saveNumber('T1234567890123');
    const result = await t.call('printing:run', { kind: 'delivery_note', orderIds: mixedOrder(), output: 'pdf' });
    const text = pdfPages(result.filePath).join('\n');
    expect(text).toContain('登録番号 T1234567890123');
    expect(text).toMatch(/※ 静岡 深蒸し煎茶/);
    expect(text).not.toMatch(/※ 有田焼/);
    expect(text).toContain('※は軽減税率（8%）対象');
    // 8%: 3 × 1,080 = 3,240, tax 3,240 × 8 / 108 = 240.
    expect(text).toContain('8%対象 ¥3,240（うち消費税 ¥240）');
    // 10%: 2 × 1,650 + 送料 800 = 4,100, tax 4,100 × 10 / 110 = 372.7… → 372 (切り捨て).
    expect(text).toContain('10%対象 ¥4,100（うち消費税 ¥372）');
    expect(text).toMatch(/合計\s+¥7,340/);
  });

  it('prints no 登録番号 line and no 8% line for a seller without a number and an all-10% order', async () => {
    const ids = insertOrders(t.app.ctx.database.sqlite, [
      {
        order: {
          orderNo: 'INV-0002',
          items: [
            { lineNo: 1, sku: 'MG-010', title: '有田焼 マグカップ 藍', quantity: 1, unitPrice: 1650, location: '' },
          ],
        },
        initial: { status: 'paid' },
      },
    ]);
    const result = await t.call('printing:run', { kind: 'delivery_note', orderIds: ids, output: 'pdf' });
    const text = pdfPages(result.filePath).join('\n');
    expect(text).not.toContain('登録番号');
    expect(text).not.toContain('8%対象');
    expect(text).not.toContain('軽減税率');
    expect(text).toMatch(/10%対象 ¥[\d,]+（うち消費税 ¥[\d,]+）/);
  });
});
