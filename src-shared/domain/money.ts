/** Money is integer yen everywhere (DESIGN 7). */
interface MoneyParts {
  subtotal: number;
  discount: number;
  shippingFee: number;
  codFee: number;
}

interface PricedLine {
  quantity: number;
  unitPrice: number;
}

/** An item line's amount: unit price × quantity. */
export function amountOf(line: PricedLine): number {
  return line.unitPrice * line.quantity;
}

export function subtotalOf(items: readonly PricedLine[]): number {
  return items.reduce((sum, item) => sum + amountOf(item), 0);
}

export function totalOf(money: MoneyParts): number {
  return money.subtotal - money.discount + money.shippingFee + money.codFee;
}

const yenFormat = new Intl.NumberFormat('ja-JP');

export function formatYen(value: number): string {
  return `¥${yenFormat.format(value)}`;
}

/** What every screen, document and export says for an order's amounts when the source gave none. */
export const AMOUNTS_UNKNOWN = '金額未取得';

/** An amount as the clerk reads it: ¥1,234, or 「金額未取得」 when the order's amounts are unknown. */
export function formatAmount(value: number, amountsUnknown: boolean | 0 | 1 | undefined): string {
  return amountsUnknown ? AMOUNTS_UNKNOWN : formatYen(value);
}
