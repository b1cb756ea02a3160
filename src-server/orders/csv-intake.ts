import { z } from 'zod';
import { UserError } from '../../src-shared/api/errors.js';
import { CHANNELS } from '../../src-shared/domain/channels.js';
import { fileUpload } from '../../src-shared/api/files.js';
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

/**
 * Central CSV intake: the desktop import's own decoding and parsing (shared, pure), then
 * the intake path — idempotent on channel + order number. Rejected rows come back with
 * their file, line and reason; the good orders go in.
 */
export async function intakeCsv(
  db: ServerDb,
  input: z.output<typeof csvIntakeInput>,
  source: string,
  now: Date,
  onCommit?: () => void,
): Promise<IntakeResult & { rejected: RejectedRow[] }> {
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
  const { orders, rejected } = parseOrders(
    detected.layout,
    sources,
    detected.layout.channel ?? input.channel,
    payments,
  );
  const result = await intakeOrders(
    db,
    orders.map((p) => ({ ...p.order, storeId: input.storeId })),
    source,
    now,
    onCommit,
  );
  return { ...result, rejected };
}
