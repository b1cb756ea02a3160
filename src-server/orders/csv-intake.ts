import { z } from 'zod';
import { UserError } from '../../src-shared/api/errors.js';
import { CHANNELS, type Channel } from '../../src-shared/domain/channels.js';
import { fileUpload, type FileUpload } from '../../src-shared/api/files.js';
import type { NewOrder } from '../../src-shared/domain/order.js';
import { lineText } from '../../src-shared/api/text.js';
import type { RejectedRow } from '../../src-shared/api/imports.js';
import { readOrderFileUpload } from '../../src-node/uploaded-files.js';
import { detectLayout } from '../../src-shared/order-files/layouts.js';
import { parseOrders, type SourceFile } from '../../src-shared/order-files/parse-orders.js';
import { rows, type ServerDb } from '../db/open.js';
import { sql } from 'drizzle-orm';
import { intakeOrders, type IntakeResult } from './intake.js';

/** The same files F1 takes on a PC: a Yahoo! store CSV (one file or order + item) or Amazon's report. */
export const csvIntakeInput = z.object({
  channel: z.enum(CHANNELS).default('yahoo_auction'),
  storeId: lineText().min(1).max(40).nullable().default(null),
  files: z.array(fileUpload).min(1).max(2),
});

interface ReadOrderFiles {
  /** The layout recognised, in words. */
  layout: string;
  files: { name: string; encoding: string; rows: number }[];
  orders: NewOrder[];
  rejected: RejectedRow[];
}

/**
 * Reads the same files F1 takes with the desktop import's own decoding and parsing (shared,
 * pure): the orders it finds, each bound for `storeId`, and the rows it rejects with their
 * file, line and reason. Nothing is written.
 */
export async function readOrderFiles(
  db: ServerDb,
  input: { channel: Channel; storeId: string | null; files: FileUpload[] },
): Promise<ReadOrderFiles> {
  const decoded = input.files.map(readOrderFileUpload);
  const detected = detectLayout(decoded.map((d) => d.header));
  if (!detected)
    throw new UserError(
      'Yahoo! ストアの注文CSV、または Amazon の未出荷注文レポートとして読めません。見出し行を確認してください。何も取り込んでいません。',
    );
  const sources: SourceFile[] = detected.order.map((i, n) => ({
    name: decoded[i]!.name,
    text: decoded[i]!.text,
    reader: detected.layout.files[n]!,
  }));
  const payments = await rows<{ code: string; name: string }>(
    db,
    sql`SELECT key AS code, data->>'name' AS name FROM master_rows WHERE kind = 'payment_methods' AND NOT deleted`,
  );
  const parsed = parseOrders(detected.layout, sources, detected.layout.channel ?? input.channel, payments);
  return {
    layout: detected.layout.label,
    files: sources.map((source, n) => ({
      name: source.name,
      encoding: decoded[detected.order[n]!]!.encoding,
      rows: parsed.rows[n] ?? 0,
    })),
    orders: parsed.orders.map((p) => ({ ...p.order, storeId: input.storeId })),
    rejected: parsed.rejected,
  };
}

/** Central CSV intake: the files read as F1 reads them, then the intake path — idempotent on channel + order number. */
export async function intakeCsv(
  db: ServerDb,
  input: z.output<typeof csvIntakeInput>,
  source: string,
  now: Date,
  onCommit?: () => void,
): Promise<IntakeResult & { rejected: RejectedRow[] }> {
  const { orders, rejected } = await readOrderFiles(db, input);
  const result = await intakeOrders(db, orders, source, now, onCommit);
  return { ...result, rejected };
}
