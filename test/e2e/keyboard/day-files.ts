import { writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { csvLine, fileOrder, sjis, yahooCombined, type FileOrder } from '../../helpers/order-files.js';

/** The day's batch: a Yahoo! store file of `count` orders, 3 in 5 paid by bank transfer (入金確認 needed), the rest by card. */
export function batchOrders(count: number): FileOrder[] {
  return Array.from({ length: count }, (_, i) =>
    fileOrder({
      orderNo: `day-${String(i + 1).padStart(4, '0')}`,
      orderedAt: '2026/11/20 09:00:00',
      billLast: '佐藤',
      billFirst: `花子${i + 1}`,
      email: `hanako${i + 1}@example.jp`,
      shipName: `佐藤 花子${i + 1}`,
      payment: i % 5 < 3 ? '銀行振込' : 'クレジットカード決済',
      items: [
        { itemId: 'mug', subCode: 'MG-010', title: '有田焼 マグカップ 藍', quantity: 2, unitPrice: 1650 },
        { itemId: 'towel', subCode: 'TW-100', title: '今治タオル フェイスタオル', quantity: 1, unitPrice: 2200 },
      ],
    }),
  );
}

/** Writes the orders as the Yahoo! store's Shift_JIS file; returns its path. */
export function writeYahooFile(dir: string, orders: FileOrder[]): string {
  const file = path.join(dir, 'yahoo-orders.csv');
  writeFileSync(file, sjis(yahooCombined(orders)));
  return file;
}

/** The rows of a Shift_JIS label CSV, quotes taken off (the label files quote every cell). */
export function labelRows(bytes: Buffer): string[][] {
  return iconv
    .decode(bytes, 'cp932')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
}

/**
 * What B2クラウド gives back after issuing the labels of an exported file: お客様管理番号 and
 * the 伝票番号 (tracking number) it gave each parcel.
 */
export function b2IssuedData(dir: string, exported: Buffer): { file: string; trackingNos: string[] } {
  const [head, ...rows] = labelRows(exported);
  const no = head!.indexOf('お客様管理番号');
  const name = head!.indexOf('お届け先名');
  const trackingNos = rows.map((_, i) => String(400_000_000_000 + i * 7919));
  const lines = [
    csvLine(['お客様管理番号', '送り状種類', '伝票番号', 'お届け先名']),
    ...rows.map((r, i) => csvLine([r[no]!, '0', trackingNos[i]!, r[name]!])),
  ];
  const file = path.join(dir, 'b2-issued.csv');
  writeFileSync(file, sjis(`${lines.join('\r\n')}\r\n`));
  return { file, trackingNos };
}
