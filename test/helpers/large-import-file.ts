import { fileOrder, sjis, yahooCombined, type FileOrder } from './order-files.js';

/** A Yahoo! combined Shift_JIS order file of `count` orders, three lines each (bench and host tests). */
export function largeImportFile(count: number, prefix = 'bench-import'): Buffer {
  const products = [
    ['MG-010', '有田焼 マグカップ 藍', 1650],
    ['TW-100', '今治タオル フェイスタオル 3枚組', 2200],
    ['KN-300', '関の包丁 三徳 165mm', 8800],
    ['TE-200', '静岡県産 深蒸し煎茶 100g', 1080],
  ] as const;
  const orders: FileOrder[] = [];
  for (let n = 0; n < count; n++) {
    const items = [0, 1, 2].map((k) => {
      const [sku, title, unitPrice] = products[(n + k) % products.length]!;
      return { itemId: sku.toLowerCase(), subCode: sku, title, quantity: 1 + ((n + k) % 3), unitPrice };
    });
    orders.push(
      fileOrder({
        orderNo: `${prefix}-${String(n).padStart(7, '0')}`,
        // Its own numbering, not fileOrder's running one: the file is the same size every
        // time it is made (a bench run with --repeat makes it again, near the 45 MB limit).
        email: `buyer${n}@example.jp`,
        items,
        payment: n % 7 === 0 ? '代金引換' : 'クレジットカード決済',
        payCharge: n % 7 === 0 ? 330 : 0,
      }),
    );
  }
  return sjis(yahooCombined(orders));
}
