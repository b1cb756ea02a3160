/** S3: Amazon buyers' personal data is kept this many days after the ship date (出荷日). */
export const PII_RETENTION_DAYS = 30;

export const PII_PURGE_REASON = 'Amazon注文の個人情報を出荷日から30日経過のため削除しました（S3）。';

/** Whether an order's personal fields are due for erasure at `now`. */
export function piiPurgeDue(order: { channel: string; shippedAt: string | null; piiPurgedAt: string | null }, now: Date): boolean {
  if (order.channel !== 'amazon' || !order.shippedAt || order.piiPurgedAt) return false;
  return new Date(order.shippedAt).getTime() < now.getTime() - PII_RETENTION_DAYS * 86_400_000;
}
