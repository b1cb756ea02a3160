import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { insertOrders } from '../../helpers/orders.js';

let t: TestApp;
let ids: number[];

beforeEach(() => {
  t = createTestApp();
  ids = insertOrders(t.app.ctx.database.sqlite, [
    {
      order: {
        orderNo: 'CSV-001',
        buyer: { name: '髙橋 ①子', kana: 'タカハシ', email: 'a@example.jp', phone: '090-1111-2222' },
        orderComment: '=HYPERLINK("http://evil.example","押して")',
      },
    },
    {
      order: {
        orderNo: 'CSV-002',
        buyer: { name: '𠮷野 家', kana: 'ヨシノ', email: '+81@example.jp', phone: '-1+2' },
        orderComment: 'お寿司🍣が好き',
      },
    },
    {
      order: {
        orderNo: 'CSV-003',
        orderComment: '@SUM(A1:A9)',
        shipTo: {
          name: '\t田中',
          postalCode: '100-0005',
          prefecture: '東京都',
          address1: '千代田区〜丸の内−1',
          address2: '\rビル',
          phone: '03',
        },
      },
    },
  ]);
});
afterEach(() => t.close());

function decode(result: { file: { base64: string } }, encoding: 'cp932' | 'utf8'): { bytes: Buffer; text: string } {
  const bytes = Buffer.from(result.file.base64, 'base64');
  return { bytes, text: encoding === 'cp932' ? iconv.decode(bytes, 'cp932') : bytes.subarray(3).toString('utf8') };
}

const columns = [
  'orderNo',
  'buyerName',
  'buyerEmail',
  'buyerPhone',
  'shipName',
  'shipAddress1',
  'shipAddress2',
  'orderComment',
  'total',
] as const;

describe('E9 CSV出力', () => {
  it('writes Shift_JIS with CRLF, neutralises formulas, and reports the characters CP932 cannot hold', async () => {
    const result = await t.call('csvExport:run', { tab: 'new', columns: [...columns] });
    expect(result).toMatchObject({ rows: 3, encoding: 'shift_jis' });
    expect(result.file.fileName).toMatch(/^注文一覧_\d{8}-\d{6}\.csv$/);
    const { bytes, text } = decode(result, 'cp932');
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    // Every line ends in CRLF; no bare LF or CR outside quoted cells.
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/"[^"]*"/g, '').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      '"注文番号","購入者名","メールアドレス","購入者電話番号","お届け先名","住所1","住所2","注文時コメント","合計"',
    );
    const byNo = (no: string) => lines.find((l) => l.startsWith(`"${no}"`))!;
    expect(byNo('CSV-001')).toBe(
      '"CSV-001","髙橋 ①子","a@example.jp","090-1111-2222","山田 太郎","千代田区丸の内1丁目2番3号",,"\'=HYPERLINK(""http://evil.example"",""押して"")",3850',
    );
    expect(byNo('CSV-002')).toContain('"〓野 家","\'+81@example.jp","\'-1+2"');
    expect(byNo('CSV-002')).toContain('"お寿司〓が好き"');
    // Tab and CR at the start are neutralised too; the wave dash and minus map to CP932's own.
    const third = text.slice(text.indexOf('"CSV-003"'));
    expect(third).toContain('"\'\t田中","千代田区～丸の内－1","\'\rビル","\'@SUM(A1:A9)"');
    // Numbers stay numbers.
    expect(byNo('CSV-001').endsWith(',3850')).toBe(true);
    expect(result.unencodableTotal).toBe(2);
    const line2 = lines.indexOf(byNo('CSV-002')) + 1;
    expect(result.unencodable).toEqual([
      { line: line2, orderNo: 'CSV-002', column: '購入者名', chars: ['𠮷'] },
      { line: line2, orderNo: 'CSV-002', column: '注文時コメント', chars: ['🍣'] },
    ]);
  });

  it('writes UTF-8 with a BOM when chosen in settings, keeping every character', async () => {
    await t.call('printing:saveSettings', {
      printer: '',
      deliveryNotePrices: true,
      csvEncoding: 'utf8bom',
      documentsDir: '',
    });
    const result = await t.call('csvExport:run', { tab: 'new', columns: ['orderNo', 'buyerName', 'orderComment'] });
    expect(result.encoding).toBe('utf8bom');
    const { bytes, text } = decode(result, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toContain('"CSV-002","𠮷野 家","お寿司🍣が好き"\r\n');
    expect(result.unencodable).toEqual([]);
  });

  it('exports only the checked orders when given, with the item summary', async () => {
    const result = await t.call('csvExport:run', {
      tab: 'new',
      orderIds: [ids[0]!],
      columns: ['orderNo', 'items', 'paymentMethod', 'status'],
    });
    const { text } = decode(result, 'cp932');
    expect(text).toBe(
      '"注文番号","商品","決済方法","メインステータス"\r\n"CSV-001","MG-010 有田焼 マグカップ 藍 ×2","銀行振込","新規"\r\n',
    );
  });

  it('says so when the list is empty', async () => {
    await expect(t.call('csvExport:run', { tab: 'shipped', columns: ['orderNo'] })).rejects.toThrow(
      /一覧に注文がありません/,
    );
  });
});
