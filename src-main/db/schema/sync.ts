import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Local changes waiting to go to the central server (DESIGN 6). Written in the same
 * transaction as the change; `opId` is unique so the server can apply each once.
 */
export const syncOutbox = sqliteTable(
  'sync_outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    opId: text('op_id').notNull().unique(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    kind: text('kind').notNull(),
    payload: text('payload').notNull(),
    createdAt: text('created_at').notNull(),
    state: text('state').notNull().default('pending'),
    error: text('error'),
  },
  (t) => [index('sync_outbox_state_idx').on(t.state, t.seq)],
);

/** Small key/value state of this database (sync cursor, demo flag, ...). */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
