import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Members of a bundle (同梱, S14): orders.bundle_group names the bundle; this row keeps the
 * fees the order had before bundling, so that unbundling restores them exactly.
 */
export const bundleMembers = sqliteTable(
  'bundle_members',
  {
    orderId: integer('order_id').primaryKey(),
    bundleGroup: text('bundle_group').notNull(),
    originalShippingFee: integer('original_shipping_fee').notNull(),
    originalCodFee: integer('original_cod_fee').notNull(),
    bundledAt: text('bundled_at').notNull(),
  },
  (t) => [index('bundle_members_group_idx').on(t.bundleGroup)],
);
