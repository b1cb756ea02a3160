import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { UserError } from '../../src-shared/api/errors.js';
import { fileUpload } from '../../src-shared/api/files.js';
import { STOCK_IMPORT_MODES, type StockBadLine, type StockImportMode } from '../../src-shared/api/stock-import.js';
import { decodeUpload } from '../../src-node/uploaded-files.js';
import { readStockFile } from '../../src-shared/order-files/stock-file.js';
import { judgeStockLines, storeResolver } from '../../src-shared/order-files/stock-lines.js';
import { writeTransaction } from '../db/changes.js';
import { rows, type ServerDb } from '../db/open.js';
import { noteBulkWrite } from '../db/statistics.js';
import { StockWorking } from './working.js';

/** A stock file from a head-office system: the same files 在庫データ取込 takes on a PC. */
export const stockIntakeInput = z.object({
  file: fileUpload,
  mode: z.enum(STOCK_IMPORT_MODES),
  /** The store of lines that name none (a file without a 店舗 column). */
  storeId: z.string().trim().min(1).max(40).optional(),
  /** Apply the good lines even when some are refused (else nothing is applied). */
  skipBad: z.boolean().default(false),
});

interface StockIntakeResult {
  applied: boolean;
  new: number;
  changed: number;
  unchanged: number;
  /** Refused lines with their line numbers (the first 500); left out only with skipBad. */
  bad: StockBadLine[];
  badTotal: number;
}

const MODE_WORD: Record<StockImportMode, string> = { count: '棚卸', receive: '入荷' };

/**
 * POST /intake/stock (N2): reads the file as a PC's 在庫データ取込 does (shared reader and
 * judge), against the central stock, in ONE transaction that locks the rows it sets. While
 * refused lines remain nothing is applied, unless the caller asked to skip them. The stores'
 * PCs get the new rows with their next pull (they are woken at once).
 */
export async function intakeStock(
  db: ServerDb,
  input: z.output<typeof stockIntakeInput>,
  client: { id: number; name: string },
  now: Date,
  onCommit?: () => void,
): Promise<StockIntakeResult> {
  const file = readStockFile(decodeUpload(input.file), []);
  if ('kind' in file) throw new UserError(`${file.message}何も取り込んでいません。`, 'needs_mapping');
  const stores = await rows<{ id: string; name: string }>(db, sql`SELECT id, name FROM stores`);
  const resolve = storeResolver(stores);
  if (input.storeId !== undefined && !stores.some((s) => s.id === input.storeId))
    throw new UserError(`店舗「${input.storeId}」は登録されていません。`, 'not_found');
  const scope = { defaultStore: input.storeId ?? null, ownStore: null };
  const at = now.toISOString();
  const result = await writeTransaction(
    db,
    async (tx, numbers) => {
      const keys = file.lines.flatMap((line) => {
        const storeId = line.store === '' ? scope.defaultStore : resolve(line.store);
        return storeId ? [{ storeId, sku: line.sku }] : [];
      });
      const working = await StockWorking.load(tx, keys, []);
      const judged = judgeStockLines(input.mode, file.lines, scope, resolve, (sku, storeId) =>
        working.row(storeId, sku),
      );
      const bad = [...file.bad, ...judged.bad].sort((a, b) => a.line - b.line);
      const result: StockIntakeResult = {
        applied: bad.length === 0 || input.skipBad,
        new: 0,
        changed: 0,
        unchanged: 0,
        bad: bad.slice(0, 500),
        badTotal: bad.length,
      };
      if (!result.applied) return result;
      for (const line of judged.lines) {
        result[line.kind] += 1;
        if (line.kind === 'unchanged') continue;
        const reason = `${MODE_WORD[input.mode]}取込「${file.fileName}」${line.line}行目`;
        const cause = { at, operator: client.name, pcId: '', reason, clientId: client.id };
        const refusal = working.set(input.mode, line.setting, cause);
        if (refusal) throw new UserError(`${line.line}行目（${line.sku}）: ${refusal}`);
      }
      await working.flush(tx, numbers);
      return result;
    },
    onCommit,
  );
  if (result.applied) await noteBulkWrite(db, 'stock', result.new + result.changed);
  return result;
}
