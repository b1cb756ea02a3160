import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Printer } from '../../../src-main/printing/printer.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { insertOrders } from '../../helpers/orders.js';
import { pdfBarcodes, pdfFonts, pdfPages } from '../../helpers/pdf-tools.js';
import { CUPS, CUPS_QUEUE, ZBARIMG, describeNeeding, need } from '../../helpers/requirements.js';

let t: TestApp;
let docs: string;

function addStore(app: TestApp): void {
  app.app.ctx.database.sqlite
    .prepare(
      "INSERT INTO stores (id, name, postal_code, address, phone) VALUES ('tokyo', '東京本店', '103-0027', '東京都中央区日本橋1-1-1', '03-1234-5678')",
    )
    .run();
}

function orders(app: TestApp): number[] {
  return insertOrders(app.app.ctx.database.sqlite, [
    {
      order: {
        orderNo: 'b1000000123',
        channel: 'yahoo_auction',
        orderComment: 'ギフト包装をお願いします',
        items: [
          {
            lineNo: 1,
            sku: 'MG-010',
            title: '有田焼 マグカップ 藍',
            quantity: 2,
            unitPrice: 1650,
            location: 'B-02-01',
          },
          {
            lineNo: 2,
            sku: 'TW-100',
            title: '今治タオル フェイスタオル 3枚組',
            quantity: 1,
            unitPrice: 2200,
            location: 'C-01-01',
          },
        ],
      },
      initial: { status: 'paid' },
    },
    {
      order: {
        orderNo: 'chumon-store-10000001',
        items: [
          {
            lineNo: 1,
            sku: 'MG-010',
            title: '有田焼 マグカップ 藍',
            quantity: 3,
            unitPrice: 1650,
            location: 'B-02-01',
          },
        ],
      },
      initial: { status: 'paid' },
    },
    {
      order: {
        orderNo: '249-1234567-7654321',
        channel: 'amazon',
        items: [
          { lineNo: 1, sku: 'KN-300', title: '関の包丁 三徳 165mm', quantity: 1, unitPrice: 8800, location: 'A-01-01' },
        ],
      },
      initial: { status: 'paid' },
    },
  ]);
}

beforeEach(() => {
  t = createTestApp();
  docs = path.join(t.dir, 'documents');
  t.app.ctx.settings.set('documents', { dir: docs, deliveryNotePrices: true });
  addStore(t);
});
afterEach(() => t.close());

describe('E8 picking list', () => {
  it('walks 棚番 in natural order: A-2 before A-10, then A-10-2 before A-10-10', async () => {
    const item = (lineNo: number, sku: string, location: string) => ({
      lineNo,
      sku,
      title: `商品 ${sku}`,
      quantity: 1,
      unitPrice: 1000,
      location,
    });
    const ids = insertOrders(t.app.ctx.database.sqlite, [
      {
        order: {
          orderNo: 'SHELF-1',
          items: [item(1, 'S-10', 'A-10-10'), item(2, 'S-2', 'A-2'), item(3, 'S-10B', 'A-10-2'), item(4, 'S-B', 'B-1')],
        },
        initial: { status: 'paid' },
      },
    ]);
    const result = await t.call('printing:run', { kind: 'picking', orderIds: ids, output: 'pdf' });
    const all = pdfPages(result.filePath).join('\n');
    const walk = all.slice(all.indexOf('商品別集計'), all.indexOf('注文別明細'));
    const at = (sku: string) => walk.search(new RegExp(`\\b${sku}\\s`));
    expect([at('S-2'), at('S-10B'), at('S-10'), at('S-B')].every((x) => x >= 0)).toBe(true);
    expect(at('S-2')).toBeLessThan(at('S-10B'));
    expect(at('S-10B')).toBeLessThan(at('S-10'));
    expect(at('S-10')).toBeLessThan(at('S-B'));
  });

  it('is an A4 PDF with the Japanese font embedded as a subset, SKU totals by location, and order barcodes that scan', async (test) => {
    const ids = orders(t);
    const result = await t.call('printing:run', { kind: 'picking', orderIds: ids, output: 'pdf' });
    expect(result.printer).toBeNull();
    expect(result.filePath.startsWith(docs)).toBe(true);
    expect(existsSync(result.filePath)).toBe(true);
    expect(result.fileName).toMatch(/^ピッキングリスト_\d{8}-\d{6}\.pdf$/);

    const fonts = pdfFonts(result.filePath);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+BIZUDPGothic/);
      expect(font).toMatchObject({ embedded: true, subset: true });
    }
    const pages = pdfPages(result.filePath);
    expect(pages).toHaveLength(result.pages);
    const all = pages.join('\n');
    expect(all).toContain('ピッキングリスト');
    expect(all).toContain('東京本店');
    expect(all).toContain(`1 / ${result.pages} ページ`);
    // The SKU walk: A-01-01 before B-02-01 before C-01-01, MG-010 totalled over two orders.
    const walk = all.slice(all.indexOf('商品別集計'), all.indexOf('注文別明細'));
    expect(walk.indexOf('A-01-01')).toBeLessThan(walk.indexOf('B-02-01'));
    expect(walk.indexOf('B-02-01')).toBeLessThan(walk.indexOf('C-01-01'));
    expect(walk).toMatch(/MG-010\s+有田焼 マグカップ 藍\s+5/);
    expect(walk).toContain('b1000000123×2');
    expect(all).toContain('注文時コメント: ギフト包装をお願いします');

    need(ZBARIMG, test);
    const codes = pdfBarcodes(result.filePath, { first: 1, last: result.pages });
    expect(codes.sort()).toEqual(['249-1234567-7654321', 'b1000000123', 'chumon-store-10000001']);
  });

  it('a saved PDF is not 印刷済み until the clerk says it was printed; a reprint sends the same file', async () => {
    const ids = orders(t);
    const before = await t.call('printing:marks', { orderIds: ids });
    expect(before.printed).toEqual({ picking: 0, delivery_note: 0 });
    const first = await t.call('printing:run', { kind: 'picking', orderIds: ids.slice(0, 2), output: 'pdf' });
    expect((await t.call('printing:marks', { orderIds: ids })).printed.picking).toBe(0);

    const marks = await t.call('printing:markPrinted', { jobId: first.jobId });
    expect(marks.printed.picking).toBe(2);
    expect(marks.lastPrintedAt.picking).toBe(t.clock.now().toISOString());

    t.clock.advanceDays(1);
    const again = await t.call('printing:reprint', { jobId: first.jobId, output: 'pdf' });
    expect(again.filePath).toBe(first.filePath);
    await t.call('printing:markPrinted', { jobId: again.jobId });
    const rows = t.app.ctx.database.sqlite
      .prepare('SELECT order_id, printed_by, printed_at, times FROM print_marks ORDER BY order_id')
      .all() as { printed_by: string; printed_at: string; times: number }[];
    expect(rows).toHaveLength(2);
    for (const row of rows)
      expect(row).toMatchObject({ printed_by: 'テスト担当', times: 2, printed_at: t.clock.now().toISOString() });
    const history = await t.call('orders:get', { id: ids[0]! });
    const prints = history.history.filter((h) => h.kind === 'print');
    expect(prints.map((h) => h.reason)).toEqual([
      'ピッキングリストPDF保存',
      'ピッキングリストを印刷済みにしました（保存した PDF を印刷）',
      'ピッキングリストの再印刷PDF保存',
      'ピッキングリストを印刷済みにしました（保存した PDF を印刷）',
    ]);
    const jobs = await t.call('printing:jobs', {});
    expect(jobs.map((j) => j.reprintOf)).toEqual([first.jobId, null]);
    const download = await t.call('printing:download', { jobId: first.jobId });
    expect(Buffer.from(download.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('印刷履歴 of the checked orders lists only the jobs holding one of them', async () => {
    const ids = orders(t);
    const a = await t.call('printing:run', { kind: 'picking', orderIds: [ids[0]!], output: 'pdf' });
    const b = await t.call('printing:run', { kind: 'delivery_note', orderIds: [ids[1]!, ids[2]!], output: 'pdf' });
    expect((await t.call('printing:jobs', { orderIds: [ids[2]!] })).map((j) => j.id)).toEqual([b.jobId]);
    expect((await t.call('printing:jobs', { orderIds: [ids[0]!, ids[1]!] })).map((j) => j.id)).toEqual([
      b.jobId,
      a.jobId,
    ]);
    expect(await t.call('printing:jobs', { orderIds: [ids[2]! + 100] })).toEqual([]);
  });
});

describe('E8 delivery notes (納品書)', () => {
  it('prints one page per parcel, bundled orders together, with prices or without as set', async () => {
    const ids = orders(t);
    t.app.ctx.database.sqlite.prepare("UPDATE orders SET bundle_group = 'BG-1' WHERE id IN (?, ?)").run(ids[0], ids[1]);
    const priced = await t.call('printing:run', { kind: 'delivery_note', orderIds: ids, output: 'pdf' });
    const pages = pdfPages(priced.filePath);
    expect(pages).toHaveLength(2);
    const bundle = pages.find((p) => p.includes('b1000000123'))!;
    expect(bundle).toContain('chumon-store-10000001');
    expect(bundle).toContain('納品書');
    expect(bundle).toContain('東京本店');
    expect(bundle).toContain('〒100-0005');
    expect(bundle).toContain('山田 太郎 様');
    expect(bundle).toMatch(/合計\s+¥11,550/);
    expect(bundle).toContain('ギフト包装をお願いします');

    await t.call('printing:saveSettings', {
      printer: '',
      deliveryNotePrices: false,
      csvEncoding: 'shift_jis',
      documentsDir: docs,
    });
    const plain = await t.call('printing:run', { kind: 'delivery_note', orderIds: [ids[2]!], output: 'pdf' });
    const [page] = pdfPages(plain.filePath);
    expect(page).toContain('関の包丁 三徳 165mm');
    expect(page).not.toContain('¥');
    expect(page).not.toContain('単価');
  });
});

describe('E8 for an order whose personal data was deleted (S3)', () => {
  it('says so on the 納品書 and the picking list instead of an empty address', async () => {
    const ids = orders(t);
    t.app.ctx.database.sqlite
      .prepare(
        "UPDATE orders SET ship_name = '', ship_postal_code = '', ship_address1 = '', ship_address2 = '', ship_phone = '', pii_purged_at = '2026-11-01T00:00:00.000Z' WHERE id = ?",
      )
      .run(ids[2]);
    for (const kind of ['delivery_note', 'picking'] as const) {
      const done = await t.call('printing:run', { kind, orderIds: [ids[2]!], output: 'pdf' });
      const text = pdfPages(done.filePath).join('\n');
      expect(text, kind).toContain('（個人情報削除済み）');
      expect(text, kind).not.toMatch(/ 様/);
    }
  });
});

describe('E8 without a printer', () => {
  const absent: Printer = {
    system: 'cups',
    list: async () => ({ available: false, printers: [], message: 'CUPS（印刷システム）が見つかりません。' }),
    print: async () => {
      throw new Error('no CUPS');
    },
  };

  it('refuses to print with a clear message and records nothing, while 「PDFで保存」 still works', async () => {
    const ids = orders(t);
    t.app.ctx.services.files.printer = absent;
    await expect(t.call('printing:run', { kind: 'picking', orderIds: ids, output: 'printer' })).rejects.toThrow(
      /CUPS.*「PDFで保存」なら印刷せずに保存できます/,
    );
    expect(existsSync(docs) ? readdirSync(docs) : []).toHaveLength(0);
    expect(t.app.ctx.database.sqlite.prepare('SELECT count(*) FROM print_marks').pluck().get()).toBe(0);
    const saved = await t.call('printing:run', { kind: 'picking', orderIds: ids, output: 'pdf' });
    expect(existsSync(saved.filePath)).toBe(true);
    const list = await t.call('printing:printers', {});
    expect(list).toMatchObject({ available: false, printers: [] });
    expect(await t.call('printing:target', {})).toEqual({
      printer: null,
      reason: 'CUPS（印刷システム）が見つかりません。',
    });
  });

  it('refuses a document of more than 5,000 orders, printing nothing', async () => {
    const many = Array.from({ length: 5001 }, (_, i) => i + 1);
    await expect(t.call('printing:run', { kind: 'picking', orderIds: many, output: 'pdf' })).rejects.toThrow(
      /一度に 5,000件まで発行できます（選択 5,001件）/,
    );
    expect(t.app.ctx.database.sqlite.prepare('SELECT count(*) FROM print_jobs').pluck().get()).toBe(0);
  });

  it('refuses a documents folder that is not an absolute path, and a printer the OS does not have', async () => {
    await expect(
      t.call('printing:saveSettings', {
        printer: '',
        deliveryNotePrices: true,
        csvEncoding: 'utf8bom',
        documentsDir: 'relative/folder',
      }),
    ).rejects.toThrow(/フォルダのパスで指定してください/);
    await expect(
      t.call('printing:saveSettings', {
        printer: 'No_Such_Printer',
        deliveryNotePrices: true,
        csvEncoding: 'utf8bom',
        documentsDir: '',
      }),
    ).rejects.toThrow(/この PC にありません/);
    expect((await t.call('printing:settings', {})).csvEncoding).toBe('shift_jis');
  });

  it.skipIf(process.platform === 'win32')(
    'refuses the system’s own folders (/proc/self/x made the app hang) and saves nothing',
    async () => {
      const before = (await t.call('printing:settings', {})).documentsDir;
      for (const documentsDir of ['/proc/self/x', '/sys/chumon', '/dev/shm/../null/x']) {
        await expect(
          t.call('printing:saveSettings', {
            printer: '',
            deliveryNotePrices: true,
            csvEncoding: 'utf8bom',
            documentsDir,
          }),
        ).rejects.toThrow(/システムのフォルダのため、PDF の保存先にできません/);
      }
      expect((await t.call('printing:settings', {})).documentsDir).toBe(before);
    },
  );
});

const QUEUE = CUPS_QUEUE;

/** Waits until CUPS lists the job as completed (cups-pdf has then written its file). */
async function waitForJob(job: string): Promise<void> {
  await vi.waitFor(
    () => {
      const done = execFileSync('lpstat', ['-W', 'completed', '-o', QUEUE], {
        encoding: 'utf8',
        env: { ...process.env, LANG: 'C' },
      });
      if (!done.split('\n').some((l) => l.startsWith(`${job} `))) throw new Error(`print job ${job} is not completed`);
    },
    { timeout: 60_000, interval: 200 },
  );
}

describeNeeding(CUPS, 'E8 through the real CUPS queue (cups-pdf)', () => {
  it('prints straight to the chosen queue; cups-pdf writes the same pages and text', async () => {
    const ids = orders(t);
    const listing = await t.call('printing:printers', {});
    expect(listing.system).toBe('cups');
    expect(listing.printers.map((p) => p.name)).toContain(QUEUE);
    await t.call('printing:saveSettings', {
      printer: QUEUE,
      deliveryNotePrices: true,
      csvEncoding: 'shift_jis',
      documentsDir: docs,
    });
    expect(await t.call('printing:target', {})).toEqual({ printer: QUEUE, reason: '' });
    const result = await t.call('printing:run', { kind: 'picking', orderIds: ids, output: 'printer' });
    expect(result.printer).toBe(QUEUE);
    expect(result.printerJob).toMatch(new RegExp(`^${QUEUE}-\\d+$`));
    await waitForJob(result.printerJob!);

    const outDir = path.join(os.homedir(), 'PDF');
    const number = result.printerJob!.split('-').pop();
    const printed = readdirSync(outDir)
      .filter((f) => f.endsWith(`job_${number}.pdf`))
      .map((f) => path.join(outDir, f));
    expect(printed).toHaveLength(1);
    expect(statSync(printed[0]!).size).toBeGreaterThan(1000);
    const pages = pdfPages(printed[0]!);
    rmSync(printed[0]!);
    expect(pages).toHaveLength(result.pages);
    const text = pages.join('\n');
    for (const no of ['b1000000123', 'chumon-store-10000001', '249-1234567-7654321'])
      expect(text).toContain(`注文番号 ${no}`);
    expect(text).toContain('ピッキングリスト');
    const marks = await t.call('printing:marks', { orderIds: ids });
    expect(marks.printed.picking).toBe(3);
    const history = await t.call('orders:get', { id: ids[0]! });
    expect(history.history.at(-1)!.reason).toBe(`ピッキングリスト印刷（プリンタ ${QUEUE}）`);
  });
});
