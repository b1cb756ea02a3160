/** Money is integer yen everywhere (DESIGN 7). */
export interface MoneyParts {
  subtotal: number;
  discount: number;
  shippingFee: number;
  codFee: number;
}

export function subtotalOf(items: readonly { quantity: number; unitPrice: number }[]): number {
  return items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
}

export function totalOf(money: MoneyParts): number {
  return money.subtotal - money.discount + money.shippingFee + money.codFee;
}

const yenFormat = new Intl.NumberFormat('ja-JP');

export function formatYen(value: number): string {
  return `¥${yenFormat.format(value)}`;
}
