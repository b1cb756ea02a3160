import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../src-shared/api/imports.js';
import { databaseChecksum } from '../helpers/db-checksum.js';
import { fileOrder, sjis, upload, utf8bom, yahooCombined, type FileOrder } from '../helpers/order-files.js';
import { createRng, testSeed, type Rng } from '../helpers/prng.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const CASES = Number(process.env.CHUMON_CSV_FUZZ_CASES ?? 60);
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const LEAK = /\n\s+at |\.tsx?:\d+|node_modules|Error:|TypeError|RangeError/;

/** The corrupted file imports into `target`; the pristine one into `reference`, to compare. */
let target: TestApp;
let reference: TestApp;
beforeAll(() => {
  target = createTestApp();
  reference = createTestApp();
  for (const t of [target, reference]) t.app.ctx.settings.set('backup', { keep: 10, daily: false });
});
afterAll(() => {
  target?.close();
  reference?.close();
});

const COMMENTS = [
  '',
  'よろしくお願いします',
  '箱は"二重"で、のし付き',
  'line1\r\nline2\nline3',
  'カンマ,あり',
  '""',
  '=1+1',
  '\t先頭タブ',
];

function makeOrders(rng: Rng, count: number): FileOrder[] {
  return Array.from({ length: count }, () =>
    fileOrder({
      comment: rng.pick(COMMENTS),
      items: Array.from({ length: rng.int(1, 3) }, (_, i) => ({
        itemId: `item${i}`,
        subCode: `SKU-${rng.int(1, 99)}`,
        title: rng.pick(['有田焼 マグカップ 藍', '今治タオル "特選"', 'Tシャツ, 白', 'ｶﾀｶﾅ半角']),
        quantity: rng.int(1, 5),
        unitPrice: rng.int(100, 20_000),
      })),
    }),
  );
}

interface Case {
  name: string;
  bytes: Buffer;
  /** Whether the change keeps the file's meaning: then every order must import, exactly. */
  preserving: boolean;
}

/** The file's records (a CRLF inside a quoted field is not a record boundary). */
function records(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (!quoted && text.startsWith('\r\n', i)) {
      out.push(text.slice(start, i));
      start = i + 2;
      i += 1;
    }
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

function randomBytes(rng: Rng, n: number): Buffer {
  return Buffer.from(Array.from({ length: n }, () => rng.int(0, 255)));
}

/** One corruption of a good file (text = the CSV, encode = its encoding). */
function corrupt(rng: Rng, text: string, encode: (t: string) => Buffer): Case {
  const bytes = encode(text);
  const rows = records(text);
  switch (rng.int(0, 13)) {
    case 0: {
      const at = rng.int(1, bytes.length - 2);
      return { name: `truncated at byte ${at} of ${bytes.length}`, bytes: bytes.subarray(0, at), preserving: false };
    }
    case 1:
      return {
        name: 'mixed line endings (CRLF, LF, CR)',
        bytes: encode(rows.map((r) => r + rng.pick(['\r\n', '\n', '\r'])).join('')),
        preserving: true,
      };
    case 2: {
      const at = rng.int(0, text.length - 1);
      return {
        name: `a stray quote at char ${at}`,
        bytes: encode(`${text.slice(0, at)}"${text.slice(at)}`),
        preserving: false,
      };
    }
    case 3:
      return { name: 'EUC-JP', bytes: iconv.encode(text, 'euc-jp'), preserving: false };
    case 4:
      return { name: 'UTF-16LE without BOM', bytes: iconv.encode(text, 'utf-16le'), preserving: false };
    case 5:
      return {
        name: 'UTF-16BE with BOM',
        bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]),
        preserving: true,
      };
    case 6:
      return {
        name: 'ISO-2022-JP',
        bytes: Buffer.from(
          iconv
            .encode(text, 'utf-8')
            .toString('binary')
            .replace(/[\u0080-\u00ff]/g, '\u001b$B'),
          'binary',
        ),
        preserving: false,
      };
    case 7: {
      const at = rng.int(0, bytes.length);
      return {
        name: `binary junk inserted at byte ${at}`,
        bytes: Buffer.concat([bytes.subarray(0, at), randomBytes(rng, rng.int(1, 64)), bytes.subarray(at)]),
        preserving: false,
      };
    }
    case 8:
      return { name: 'pure binary junk', bytes: randomBytes(rng, rng.int(1, 5000)), preserving: false };
    case 9: {
      const at = rng.int(0, bytes.length - 1);
      const copy = Buffer.from(bytes);
      copy[at] = 0;
      return { name: `NUL byte at ${at}`, bytes: copy, preserving: false };
    }
    case 10:
      return {
        name: 'UTF-8 BOM with a broken UTF-8 sequence',
        bytes: Buffer.concat([
          utf8bom(text.slice(0, text.length >> 1)),
          Buffer.from([0xe3, 0x81]),
          Buffer.from(text.slice(text.length >> 1)),
        ]),
        preserving: false,
      };
    case 11: {
      const n = rng.int(1, rows.length - 2);
      return {
        name: `line ${n + 1} duplicated`,
        bytes: encode([...rows.slice(0, n + 1), rows[n]!, ...rows.slice(n + 1)].join('\r\n')),
        preserving: false,
      };
    }
    case 12: {
      const n = rng.int(1, rows.length - 2);
      return {
        name: `line ${n + 1} loses its last field`,
        bytes: encode([...rows.slice(0, n), rows[n]!.replace(/,"[^"]*"$/, ''), ...rows.slice(n + 1)].join('\r\n')),
        preserving: false,
      };
    }
    default:
      return {
        name: 'every line ends with LF only',
        bytes: encode(rows.map((r) => `${r}\n`).join('')),
        preserving: true,
      };
  }
}

/** What an imported order is, for comparing the two databases (ids and times aside). */
function importedOrders(t: TestApp, orderNos: readonly string[]): Map<string, string> {
  const db = t.app.ctx.database.sqlite;
  const order = db.prepare(
    `SELECT id, order_no, ordered_at, buyer_name, buyer_kana, buyer_email, buyer_phone, ship_name, ship_postal_code, ship_prefecture,
       ship_address1, ship_address2, ship_phone, payment_method, subtotal, discount, shipping_fee, cod_fee, total, order_comment, status
     FROM orders WHERE order_no = ?`,
  );
  const items = db.prepare(
    'SELECT line_no, sku, title, quantity, unit_price FROM order_items WHERE order_id = ? ORDER BY line_no',
  );
  const out = new Map<string, string>();
  for (const no of orderNos) {
    const row = order.get(no) as { id: number } | undefined;
    if (row) out.set(no, JSON.stringify({ ...row, id: undefined, items: items.all(row.id) }));
  }
  return out;
}

async function importFile(
  t: TestApp,
  name: string,
  bytes: Buffer,
): Promise<{ preview?: ImportPreview; error?: { code: string; message: string } }> {
  try {
    const result = await t.call('imports:preview', { files: [upload(name, bytes)], channel: 'yahoo_shopping' });
    if (result.kind !== 'preview') return {};
    await t.call('imports:commit', { previewId: result.previewId });
    return { preview: result };
  } catch (err) {
    const e = err as Error & { code: string };
    return { error: { code: e.code, message: e.message } };
  }
}

/** Files every run tries; each gets its own orders. */
function fixedCases(rng: Rng): { c: Case; orders: FileOrder[] }[] {
  const orders = makeOrders(rng, 6);
  const text = yahooCombined(orders);
  const header = text.slice(0, text.indexOf('\r\n'));
  const wide = Array.from({ length: 10_000 }, (_, i) => `"X${i}"`).join(',');
  const rows = records(text);
  const cases: Case[] = [
    { name: 'empty file', bytes: Buffer.alloc(0), preserving: false },
    { name: 'BOM only', bytes: Buffer.from([0xef, 0xbb, 0xbf]), preserving: false },
    { name: 'blank lines only', bytes: Buffer.from('\r\n\r\n\n\r'), preserving: false },
    { name: 'header only', bytes: sjis(`${header}\r\n`), preserving: false },
    {
      name: '10,000 extra columns',
      bytes: sjis(
        `${[`${rows[0]},${wide}`, ...rows.slice(1).map((r) => `${r}${',""'.repeat(10_000)}`)].join('\r\n')}\r\n`,
      ),
      preserving: true,
    },
    { name: '10,000 columns of junk only', bytes: sjis(`${wide}\r\n${wide}\r\n`), preserving: false },
    {
      name: 'a 1 MB comment field',
      bytes: utf8bom(yahooCombined(orders.map((o, i) => (i === 0 ? { ...o, comment: 'あ'.repeat(1_000_000) } : o)))),
      preserving: false,
    },
    {
      name: 'a 1 MB line with no delimiter',
      bytes: Buffer.from(`${header}\r\n${'x'.repeat(1_000_000)}\r\n`),
      preserving: false,
    },
    {
      name: 'an unterminated quote to the end',
      bytes: sjis(`${text}"${'y'.repeat(rng.int(1, 1000))}`),
      preserving: false,
    },
  ];
  // Fresh order numbers per case: what one case imported must not count for the next.
  return cases.map((c) => {
    const own = makeOrders(rng, 6);
    const rename = new Map(orders.map((o, i) => [o.orderNo, own[i]!.orderNo]));
    const bytes = c.bytes.length
      ? Buffer.from(
          c.bytes.toString('binary').replace(/chumon-store-\d+/g, (m) => rename.get(m) ?? m),
          'binary',
        )
      : c.bytes;
    return { c: { ...c, bytes }, orders: orders.map((o, i) => ({ ...o, orderNo: own[i]!.orderNo })) };
  });
}

describe('CSV import fuzz (F1)', () => {
  it(`refuses broken files with a clear error and imports nothing; never imports a garbled order (${CASES} random + fixed cases)`, async () => {
    const rng = createRng(testSeed('csv import fuzz'));
    const failures: string[] = [];
    const outcomes: Record<string, number> = { refused: 0, imported: 0, mapping: 0 };
    const cases: { c: Case; orders: FileOrder[] }[] = [];
    cases.push(...fixedCases(rng));
    for (let i = 0; i < CASES; i++) {
      const orders = makeOrders(rng, rng.int(2, 12));
      const encode = rng.chance(0.5) ? sjis : utf8bom;
      cases.push({ c: corrupt(rng, yahooCombined(orders), encode), orders });
    }
    for (const [i, { c, orders }] of cases.entries()) {
      const orderNos = orders.map((o) => o.orderNo);
      const pristine = await importFile(reference, `ref-${i}.csv`, utf8bom(yahooCombined(orders)));
      if (pristine.error) throw new Error(`the pristine file of case ${i} did not import: ${pristine.error.message}`);
      const expected = importedOrders(reference, orderNos);
      const before = databaseChecksum(target.app.ctx.database.sqlite);
      const outcome = await importFile(target, `case-${i}.csv`, c.bytes);
      const label = `case ${i} (${c.name})`;
      if (outcome.error) {
        outcomes.refused! += 1;
        const { code, message } = outcome.error;
        if (code === 'internal' || !JAPANESE.test(message) || LEAK.test(message))
          failures.push(`${label}: unclear error ${code}: ${message.slice(0, 200)}`);
        if (JSON.stringify(databaseChecksum(target.app.ctx.database.sqlite)) !== JSON.stringify(before))
          failures.push(`${label}: refused but the database changed`);
        if (c.preserving) failures.push(`${label}: a file with the same meaning was refused: ${message.slice(0, 200)}`);
        continue;
      }
      outcomes[outcome.preview ? 'imported' : 'mapping']! += 1;
      const got = importedOrders(target, orderNos);
      for (const [no, value] of got)
        if (value !== expected.get(no))
          failures.push(`${label}: order ${no} imported differently: ${value.slice(0, 300)}`);
      if (c.preserving && got.size !== expected.size)
        failures.push(`${label}: imported ${got.size} of ${expected.size} orders`);
      if (!outcome.preview && got.size) failures.push(`${label}: asked for a mapping but imported orders`);
    }
    console.log(`[csv import fuzz] seed ${rng.seed}: ${cases.length} files — ${JSON.stringify(outcomes)}`);
    expect(failures.slice(0, 20)).toEqual([]);
  }, 300_000);
});
