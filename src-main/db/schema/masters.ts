import { integer, sqliteTable, text, index } from 'drizzle-orm/sqlite-core';

/** Shipping stores (出荷店舗). One of them may be the head office. */
export const stores = sqliteTable('stores', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  postalCode: text('postal_code').notNull().default(''),
  address: text('address').notNull().default(''),
  phone: text('phone').notNull().default(''),
  isHeadOffice: integer('is_head_office', { mode: 'boolean' }).notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Payment methods (決済方法) and whether 入金確認 is needed before shipping. */
export const paymentMethods = sqliteTable('payment_methods', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  needsConfirmation: integer('needs_confirmation', { mode: 'boolean' }).notNull(),
  isCod: integer('is_cod', { mode: 'boolean' }).notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Staff-defined sub-statuses per main status (S4). Retired ones stay for old orders. */
export const subStatuses = sqliteTable(
  'sub_statuses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    mainStatus: text('main_status').notNull(),
    name: text('name').notNull(),
    color: text('color').notNull().default('#9e9e9e'),
    sortOrder: integer('sort_order').notNull().default(0),
    retiredAt: text('retired_at'),
  },
  (t) => [index('sub_statuses_main_idx').on(t.mainStatus, t.sortOrder)],
);

/**
 * A store's staff (担当者), kept on the central server and pulled as the `staff` master: the
 * clerk at a shared PC is picked from this list; 管理者 staff may do what needs a manager.
 */
export const staff = sqliteTable('staff', {
  id: integer('id').primaryKey(),
  storeId: text('store_id').notNull(),
  name: text('name').notNull(),
  isManager: integer('is_manager', { mode: 'boolean' }).notNull().default(false),
  /** scrypt hash of the optional PIN (the console's password format), or null. */
  pinHash: text('pin_hash'),
  retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
});
