import { boolean, index, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';

/** Shipping stores (出荷店舗), registered by the admin; they sync down as a master. */
export const stores = pgTable('stores', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  postalCode: text('postal_code').notNull().default(''),
  address: text('address').notNull().default(''),
  phone: text('phone').notNull().default(''),
  isHeadOffice: boolean('is_head_office').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: text('created_at').notNull(),
});

/**
 * Whoever holds a token: the admin, a store PC (bound to its store) or a channel connector.
 * Only the SHA-256 of a token is kept; the token itself is shown once, at creation.
 */
export const clients = pgTable(
  'clients',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    storeId: text('store_id'),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: text('created_at').notNull(),
    revokedAt: text('revoked_at'),
    lastSeenAt: text('last_seen_at'),
  },
  (t) => [index('clients_store_idx').on(t.storeId)],
);

/**
 * Refused requests (bad token, another store's order, admin-only path): who, what, why.
 * Repeats of one refusal within a minute are one row with a count (`at` the first,
 * `last_at` the latest); old rows are pruned.
 */
export const refusedAccess = pgTable(
  'refused_access',
  {
    id: serial('id').primaryKey(),
    at: text('at').notNull(),
    lastAt: text('last_at'),
    count: integer('count').notNull().default(1),
    clientId: integer('client_id'),
    address: text('address').notNull().default(''),
    method: text('method').notNull(),
    path: text('path').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('refused_access_at_idx').on(t.at), index('refused_access_last_idx').on(t.lastAt)],
);
