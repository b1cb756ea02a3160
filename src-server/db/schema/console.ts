import { index, integer, jsonb, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * People who use the head-office console: 管理者 (everything) or 閲覧 (read only). Only a
 * scrypt hash of the password is kept; repeated wrong passwords lock the account a while.
 */
export const consoleAccounts = pgTable(
  'console_accounts',
  {
    id: serial('id').primaryKey(),
    login: text('login').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    failedCount: integer('failed_count').notNull().default(0),
    lockedUntil: text('locked_until'),
    disabledAt: text('disabled_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('console_accounts_login_uq').on(t.login)],
);

/** A signed-in browser: the cookie holds a random id, the server only its SHA-256. */
export const consoleSessions = pgTable(
  'console_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    accountId: integer('account_id').notNull(),
    csrf: text('csrf').notNull(),
    createdAt: text('created_at').notNull(),
    lastUsedAt: text('last_used_at').notNull(),
    address: text('address').notNull().default(''),
  },
  (t) => [index('console_sessions_account_idx').on(t.accountId)],
);

/** Every console action that changed something (and every sign-in): who, when, what. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    at: text('at').notNull(),
    accountId: integer('account_id'),
    login: text('login').notNull(),
    action: text('action').notNull(),
    detail: jsonb('detail').notNull(),
    address: text('address').notNull().default(''),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);

/** What a store PC last said about itself (POST /sync/report) and which versions it runs. */
export const clientReports = pgTable('client_reports', {
  clientId: integer('client_id').primaryKey(),
  reportedAt: text('reported_at').notNull(),
  appVersion: text('app_version').notNull().default(''),
  protocol: integer('protocol').notNull().default(1),
  report: jsonb('report').notNull(),
});

/** One log upload of a store PC; its files sit in the uploads folder under generated names. */
export const pcLogUploads = pgTable(
  'pc_log_uploads',
  {
    id: serial('id').primaryKey(),
    clientId: integer('client_id').notNull(),
    receivedAt: text('received_at').notNull(),
    note: text('note').notNull().default(''),
    bytes: integer('bytes').notNull(),
  },
  (t) => [index('pc_log_uploads_client_idx').on(t.clientId, t.id)],
);

export const pcLogFiles = pgTable(
  'pc_log_files',
  {
    id: serial('id').primaryKey(),
    uploadId: integer('upload_id').notNull(),
    /** The name the PC gave, cleaned: shown, never used as a path. */
    name: text('name').notNull(),
    storedName: text('stored_name').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
  },
  (t) => [index('pc_log_files_upload_idx').on(t.uploadId)],
);

/** Server-wide settings head office changes in the console (minimum app version, ...). */
export const serverSettings = pgTable('server_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});
