import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Changes to the masters staff maintain (sub-statuses, ...): who, from which store/PC, when,
 * what and how. The sync outbox carries the same change to the central server.
 */
export const masterHistory = sqliteTable(
  'master_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    storeId: text('store_id'),
    pcId: text('pc_id').notNull(),
    kind: text('kind').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
  },
  (t) => [index('master_history_entity_idx').on(t.entity, t.entityId, t.id)],
);
