import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The tracking numbers (送り状番号) of parcels waiting to ship (出荷待ち), one row each: the
 * primary key is the unique index that keeps two parcels from holding one number. A parcel
 * is a bundle (its bundle_group) or a single order ('order:' || id); the number is kept
 * without dashes. Kept by triggers on orders (migration 0018): a new claim of a number
 * another parcel holds is refused; sync applies the server's state over it.
 */
export const parcels = sqliteTable('parcels', {
  trackingNo: text('tracking_no').primaryKey(),
  parcel: text('parcel').notNull(),
});
