import { sql, type SQL } from 'drizzle-orm';

/**
 * Order columns as they travel (camelCase, the WireOrder keys) and as they are stored
 * (snake_case), with their PostgreSQL types for bulk statements over jsonb_to_recordset.
 */
export const ORDER_COLUMNS = [
  ['channel', 'channel', 'text'],
  ['orderNo', 'order_no', 'text'],
  ['orderedAt', 'ordered_at', 'text'],
  ['buyerName', 'buyer_name', 'text'],
  ['buyerKana', 'buyer_kana', 'text'],
  ['buyerEmail', 'buyer_email', 'text'],
  ['buyerPhone', 'buyer_phone', 'text'],
  ['shipName', 'ship_name', 'text'],
  ['shipPostalCode', 'ship_postal_code', 'text'],
  ['shipPrefecture', 'ship_prefecture', 'text'],
  ['shipAddress1', 'ship_address1', 'text'],
  ['shipAddress2', 'ship_address2', 'text'],
  ['shipPhone', 'ship_phone', 'text'],
  ['paymentMethod', 'payment_method', 'text'],
  ['needsPayment', 'needs_payment', 'boolean'],
  ['subtotal', 'subtotal', 'integer'],
  ['discount', 'discount', 'integer'],
  ['shippingFee', 'shipping_fee', 'integer'],
  ['codFee', 'cod_fee', 'integer'],
  ['total', 'total', 'integer'],
  ['orderComment', 'order_comment', 'text'],
  ['staffComment', 'staff_comment', 'text'],
  ['mailInquiry', 'mail_inquiry', 'boolean'],
  ['orderFormDone', 'order_form_done', 'boolean'],
  ['buyerRating', 'buyer_rating', 'boolean'],
  ['storeId', 'store_id', 'text'],
  ['carrier', 'carrier', 'text'],
  ['trackingNo', 'tracking_no', 'text'],
  ['bundleGroup', 'bundle_group', 'text'],
  ['status', 'status', 'text'],
  ['subStatusId', 'sub_status_id', 'integer'],
  ['mailPending', 'mail_pending', 'boolean'],
  ['paidAt', 'paid_at', 'text'],
  ['shippedAt', 'shipped_at', 'text'],
  ['cancelledAt', 'cancelled_at', 'text'],
  ['cancelReason', 'cancel_reason', 'text'],
  ['piiPurgedAt', 'pii_purged_at', 'text'],
  ['shipNotice', 'ship_notice', 'text'],
  ['channelNote', 'channel_note', 'text'],
  ['createdAt', 'created_at', 'text'],
  ['updatedAt', 'updated_at', 'text'],
  ['version', 'version', 'integer'],
] as const;

export type OrderKey = (typeof ORDER_COLUMNS)[number][0];

/** Columns a change may rewrite (identity and creation stay). */
export const MUTABLE_COLUMNS = ORDER_COLUMNS.filter(
  ([key]) => !['channel', 'orderNo', 'orderedAt', 'createdAt'].includes(key),
);

/** `o.order_no AS "orderNo", ...`: rows come back already in WireOrder shape. */
export function selectOrderColumns(alias: string): SQL {
  return sql.raw(ORDER_COLUMNS.map(([key, column]) => `${alias}.${column} AS "${key}"`).join(', '));
}

/** `x(channel text, ...)`: the record definition for jsonb_to_recordset. */
export function recordDefinition(columns: readonly (readonly [string, string, string])[], extra = ''): SQL {
  return sql.raw(`x(${columns.map(([key, , type]) => `"${key}" ${type}`).join(', ')}${extra})`);
}
