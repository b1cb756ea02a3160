import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../../src-shared/api/errors.js';
import type { FileUpload } from '../../src-shared/api/files.js';
import {
  type StockImportMode,
  type StockImportNeedsMapping,
  type StockImportPreview,
  type StockImportResult,
} from '../../src-shared/api/stock-import.js';
import type { Actor } from '../core/app-context.js';
import { decodeUpload } from '../../src-node/uploaded-files.js';
import { withDeferredCheckpoint } from '../db/deferred-checkpoint.js';
import { databaseState } from '../db/database-state.js';
import { PendingFiles } from '../files/file-services.js';
import type { CoveredOrders } from './covered-orders.js';
import type { Judgement, StoreScope } from '../../src-shared/order-files/stock-lines.js';
import { judgeStockLines } from './import-judge.js';
import type { StockLedger } from './ledger.js';
import { readStockFile, type StockFileLine } from '../../src-shared/order-files/stock-file.js';
import type { StockMappings } from './stock-mappings.js';

/** What the preview read, kept until the clerk presses 取込. */
interface StockImportPlan {
  mode: StockImportMode;
  fileName: string;
  lines: StockFileLine[];
  /** Lines the file itself made unusable (not a number, no SKU ...). */
  unreadable: Judgement['bad'];
  scope: StoreScope;
  /** Line numbers the preview refused: the commit may skip these, and no others. */
  refused: Set<number>;
  /** The preview's judgement, and where the database stood when it was made (databaseState). */
  judged: Judgement;
  state: string;
}

const SHOWN = 500;
const MODE_WORD: Record<StockImportMode, string> = { count: '棚卸', receive: '入荷' };

/**
 * 在庫データ取込 (N1): preview first (new SKUs, changes, refused lines with their line
 * numbers), then ONE transaction that applies every line through the stock ledger. Nothing
 * is applied while refused lines remain, unless the clerk chooses to skip them.
 */
export class StockImports {
  private readonly pending = new PendingFiles<StockImportPlan>();

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly ledger: StockLedger,
    private readonly mappings: StockMappings,
    private readonly covered: CoveredOrders,
  ) {}

  private scope(asked: string | undefined, actor: Actor): StoreScope {
    if (asked !== undefined) {
      if (!this.sqlite.prepare('SELECT 1 FROM stores WHERE id = ?').get(asked))
        throw new UserError(`店舗「${asked}」は登録されていません。店舗を選び直してください。`, 'not_found');
      if (actor.storeId !== null && asked !== actor.storeId)
        throw new UserError('この PC では他の店舗の在庫は取り込めません。本部の PC で取り込んでください。', 'store');
    }
    return { defaultStore: asked ?? actor.storeId, ownStore: actor.storeId };
  }

  private judge(plan: StockImportPlan): Judgement {
    const judged = judgeStockLines(this.sqlite, this.ledger, plan.mode, plan.lines, plan.scope);
    const bad = [...plan.unreadable, ...judged.bad].sort((a, b) => a.line - b.line);
    return { lines: judged.lines, bad };
  }

  preview(
    input: { file: FileUpload; mode: StockImportMode; storeId?: string; mappingId?: number },
    actor: Actor,
  ): StockImportPreview | StockImportNeedsMapping {
    const scope = this.scope(input.storeId, actor);
    const file = readStockFile(decodeUpload(input.file), this.mappings.list(), input.mappingId);
    if ('kind' in file) return file;
    const plan: StockImportPlan = {
      mode: input.mode,
      fileName: file.fileName,
      lines: file.lines,
      unreadable: file.bad,
      scope,
      refused: new Set(),
      state: databaseState(this.sqlite),
      judged: { lines: [], bad: [] },
    };
    const judged = this.judge(plan);
    plan.judged = judged;
    for (const b of judged.bad) plan.refused.add(b.line);
    const counts = { new: 0, changed: 0, unchanged: 0, bad: judged.bad.length };
    const shown: StockImportPreview['lines'] = [];
    for (const line of judged.lines) {
      counts[line.kind] += 1;
      if (line.kind !== 'unchanged' && shown.length < SHOWN) {
        const { line: at, sku, storeId, kind, onHandBefore, onHandAfter, locationBefore, locationAfter } = line;
        shown.push({ line: at, sku, storeId, kind, onHandBefore, onHandAfter, locationBefore, locationAfter });
      }
    }
    return {
      kind: 'preview',
      previewId: this.pending.put(plan),
      mode: input.mode,
      fileName: file.fileName,
      encoding: file.encoding,
      layout: file.layout,
      rows: file.rows,
      counts,
      lines: shown,
      bad: judged.bad.slice(0, SHOWN),
    };
  }

  /**
   * 取込: every line as judged against the stock as it stands now, inside one IMMEDIATE
   * transaction (the preview's judgement when nothing was written since, else judged again),
   * applied through the ledger. A line refused now that the preview did not refuse (a
   * reservation made meanwhile) stops the whole import: the clerk previews again.
   */
  commit(previewId: string, skipBad: boolean, actor: Actor, now: Date): StockImportResult {
    const plan = this.pending.get(previewId);
    if (plan.refused.size > 0 && !skipBad) {
      throw new UserError(
        `誤りのある行が${plan.refused.size.toLocaleString('ja-JP')}行あります。ファイルを直して読み込み直すか、誤りのある行を除いて取り込んでください。何も取り込んでいません。`,
        'bad_lines',
      );
    }
    const at = now.toISOString();
    const result: StockImportResult = {
      new: 0,
      changed: 0,
      unchanged: 0,
      skipped: 0,
      offer: { orderIds: [], orders: [] },
    };
    const raised = new Map<string, Set<string>>();
    const write = () => {
      const judged = databaseState(this.sqlite) === plan.state ? plan.judged : this.judge(plan);
      const late = judged.bad.filter((b) => !plan.refused.has(b.line));
      if (late.length > 0) {
        const list = late.slice(0, 5).map((b) => `${b.line}行目（${b.sku}）: ${b.reason}`);
        throw new UserError(
          `読み込んだあとに在庫が変わったため、取り込めなくなった行があります: ${list.join(' / ')}。もう一度ファイルを読み込んでください。何も取り込んでいません。`,
          'stock_moved',
        );
      }
      result.skipped = judged.bad.length;
      for (const line of judged.lines) {
        result[line.kind] += 1;
        if (line.kind === 'unchanged') continue;
        const cause = {
          at,
          actor,
          reason: `${MODE_WORD[plan.mode]}取込「${plan.fileName}」${line.line}行目`,
        };
        const refusal = this.ledger.set(plan.mode, line.setting, cause, line.again ? undefined : line.before);
        if (refusal) throw new UserError(`${line.line}行目（${line.sku}）: ${refusal}`, 'stock_moved');
        if (line.onHandAfter > (line.onHandBefore ?? 0)) {
          let skus = raised.get(line.storeId);
          if (!skus) raised.set(line.storeId, (skus = new Set()));
          skus.add(line.sku);
        }
      }
    };
    withDeferredCheckpoint(this.sqlite, plan.lines.length, () => this.sqlite.transaction(write).immediate());
    this.pending.take(previewId);
    result.offer = this.covered.find(raised);
    return result;
  }
}
