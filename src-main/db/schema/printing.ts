import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Every picking list or delivery-note document made (E8): the kept PDF, where it went and
 * which orders it covers, so that it can be reprinted or downloaded again.
 */
export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** 'picking' | 'delivery_note' */
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    filePath: text('file_path').notNull(),
    /** The printer it was sent to; null when only saved as PDF. */
    printer: text('printer'),
    /** The OS's job reference (CUPS request id), when printed. */
    printerJob: text('printer_job'),
    pages: integer('pages').notNull(),
    bytes: integer('bytes').notNull(),
    /** JSON array of order ids, in document order. */
    orderIds: text('order_ids').notNull(),
    orderCount: integer('order_count').notNull(),
    createdAt: text('created_at').notNull(),
    actor: text('actor').notNull(),
    /** Set on a reprint: the job it repeats. */
    reprintOf: integer('reprint_of'),
  },
  (t) => [index('print_jobs_created_idx').on(t.createdAt)],
);

/** The latest print of each kind per order (printed at, by whom, how often). */
export const printMarks = sqliteTable(
  'print_marks',
  {
    orderId: integer('order_id').notNull(),
    kind: text('kind').notNull(),
    jobId: integer('job_id').notNull(),
    printedAt: text('printed_at').notNull(),
    printedBy: text('printed_by').notNull(),
    times: integer('times').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.kind] })],
);
