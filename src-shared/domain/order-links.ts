/**
 * How an order made from another one names it. Both 注文分割 and 再送注文 keep the channel's
 * order number (channel_order_no) and name their source in split_from; the number tells them
 * apart: a split part is `<チャネル注文番号>-2`, `-3`, …, a 再送注文 `<チャネル注文番号>-R1`, `-R2`, ….
 */
interface LinkedOrder {
  orderNo: string;
  channelOrderNo?: string | null;
  splitFrom?: string | null;
}

/** The n-th 再送注文 number of a channel order. */
export function resendOrderNo(channelOrderNo: string, n: number): string {
  return `${channelOrderNo}-R${n}`;
}

/** Whether the order is a 再送注文 (its split_from then names its 再送元). */
export function isResendOrder(order: LinkedOrder): boolean {
  if (!order.splitFrom || !order.channelOrderNo) return false;
  const prefix = `${order.channelOrderNo}-R`;
  return order.orderNo.startsWith(prefix) && /^\d+$/.test(order.orderNo.slice(prefix.length));
}

/** The detail's word for split_from: 再送元 or 分割元 (null for an ordinary order). */
export function sourceLabel(order: LinkedOrder): '再送元' | '分割元' | null {
  if (!order.splitFrom) return null;
  return isResendOrder(order) ? '再送元' : '分割元';
}
