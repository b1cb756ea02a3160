import { bigint, index, pgTable, primaryKey, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * A version of the store app head office uploaded (its installer and what its latest.yml
 * said), and how far it is rolled out: 'held' (no PC gets it), 'stores' (the stores listed in
 * app_release_stores) or 'all'. The installer sits in the uploads folder under stored_name.
 */
export const appReleases = pgTable(
  'app_releases',
  {
    id: serial('id').primaryKey(),
    version: text('version').notNull(),
    /** Zero-padded "000001.000002.000003", so that versions sort as text. */
    versionKey: text('version_key').notNull(),
    platform: text('platform').notNull(),
    /** The name the server gave the installer (never the uploaded one). */
    fileName: text('file_name').notNull(),
    storedName: text('stored_name').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    sha512: text('sha512').notNull(),
    releaseDate: text('release_date').notNull(),
    notes: text('notes').notNull().default(''),
    rollout: text('rollout').notNull().default('held'),
    uploadedAt: text('uploaded_at').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
  },
  (t) => [
    uniqueIndex('app_releases_version_uq').on(t.platform, t.version),
    index('app_releases_feed_idx').on(t.platform, t.versionKey),
  ],
);

/** The stores a release rolled out 'stores' reaches. */
export const appReleaseStores = pgTable(
  'app_release_stores',
  {
    releaseId: bigint('release_id', { mode: 'number' }).notNull(),
    storeId: text('store_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.storeId] }), index('app_release_stores_store_idx').on(t.storeId)],
);
