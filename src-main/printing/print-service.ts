import { existsSync, readFileSync } from 'node:fs';
import { UserError } from '../../src-shared/api/errors.js';
import type { DownloadFile } from '../../src-shared/api/files.js';
import {
  PRINT_KIND_LABELS,
  PRINT_KINDS,
  type PrintJobInfo,
  type PrintKind,
  type PrintMarksSummary,
  type PrintResult,
  type PrintTarget,
} from '../../src-shared/api/printing.js';
import { chunked } from '../core/chunked.js';
import type { ServiceContext } from '../core/context.js';
import { Journal } from '../core/journal.js';
import { fontFiles } from './assets.js';
import { renderDeliveryNotes } from './delivery-note.js';
import { documentsDir, fileStamp, saveDocument } from './documents.js';
import { renderPickingList, type RenderedPdf } from './picking-list.js';
import { loadPrintData } from './print-data.js';
import { documentOutput, registrationNumber } from './print-settings.js';

type Output = 'printer' | 'pdf';

/** A print_jobs row as read back: the job's info plus its orders (JSON). */
type JobRow = Omit<PrintJobInfo, 'fileExists'> & { orderIds: string };

/**
 * The printer a job goes to: the document's own printer, else the one chosen for all, else
 * the OS default (or the only one); without one, why not. E8 shows this before printing.
 */
export async function printTarget(ctx: ServiceContext, kind?: PrintKind): Promise<PrintTarget> {
  const listing = await ctx.services.files.printer.list();
  if (!listing.available) return { printer: null, reason: listing.message };
  const own = kind ? documentOutput(ctx, kind).printer : '';
  const chosen = own || ctx.settings.get('printer');
  if (chosen) {
    const whose = own && kind ? `${PRINT_KIND_LABELS[kind]}のプリンタ` : '設定のプリンタ';
    return listing.printers.some((p) => p.name === chosen)
      ? { printer: chosen, reason: '' }
      : {
          printer: null,
          reason: `${whose}「${chosen}」が見つかりません。設定 → 印刷・CSV でプリンタを選び直してください。`,
        };
  }
  const fallback =
    listing.printers.find((p) => p.isDefault) ?? (listing.printers.length === 1 ? listing.printers[0] : undefined);
  return fallback
    ? { printer: fallback.name, reason: '' }
    : { printer: null, reason: '印刷先のプリンタが決まっていません。設定 → 印刷・CSV でプリンタを選んでください。' };
}

async function choosePrinter(ctx: ServiceContext, kind: PrintKind): Promise<string> {
  const target = await printTarget(ctx, kind);
  if (target.printer) return target.printer;
  throw new UserError(`${target.reason}「PDFで保存」なら印刷せずに保存できます。何も印刷していません。`, 'no_printer');
}

async function render(
  ctx: ServiceContext,
  kind: PrintKind,
  orderIds: readonly number[],
  printedAt: Date,
): Promise<{ rendered: RenderedPdf; ids: number[] }> {
  const data = loadPrintData(ctx, orderIds);
  const meta = { printedAt, operator: ctx.actor().operator, fonts: fontFiles(ctx.paths.assets) };
  const rendered =
    kind === 'picking'
      ? await renderPickingList(data, meta, documentOutput(ctx, kind).paper)
      : await renderDeliveryNotes(data, meta, {
          withPrices: ctx.settings.get('documents')?.deliveryNotePrices !== false,
          registrationNumber: registrationNumber(ctx),
          paper: documentOutput(ctx, kind).paper,
        });
  return { rendered, ids: data.orders.map((o) => o.id) };
}

/**
 * Records a document: the job, a history row per order and, when it went to a printer, each
 * order's print mark (printed at, by whom, how often), in one transaction. A PDF only saved
 * is not 印刷済み: the clerk may print it elsewhere, and says so (markPrinted).
 */
function record(
  ctx: ServiceContext,
  job: {
    kind: PrintKind;
    fileName: string;
    filePath: string;
    printer: string | null;
    printerJob: string | null;
    pages: number;
    bytes: number;
    ids: number[];
    reprintOf: number | null;
  },
  at: Date,
): number {
  const { sqlite } = ctx.database;
  const actor = ctx.actor();
  const iso = at.toISOString();
  const label = PRINT_KIND_LABELS[job.kind];
  const how = job.printer ? `印刷（プリンタ ${job.printer}）` : 'PDF保存';
  return sqlite.transaction(() => {
    const jobId = Number(
      sqlite
        .prepare(
          `INSERT INTO print_jobs (kind, file_name, file_path, printer, printer_job, pages, bytes, order_ids, order_count, created_at, actor, reprint_of)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          job.kind,
          job.fileName,
          job.filePath,
          job.printer,
          job.printerJob,
          job.pages,
          job.bytes,
          JSON.stringify(job.ids),
          job.ids.length,
          iso,
          actor.operator,
          job.reprintOf,
        ).lastInsertRowid,
    );
    writeOrderMarks(ctx, {
      ...job,
      jobId,
      printed: job.printer !== null,
      reason: `${label}${job.reprintOf ? 'の再印刷' : ''}${how}`,
      iso,
    });
    return jobId;
  })();
}

/** Each order's history row for a document and, when it was printed, its print mark; inside the caller's transaction. */
function writeOrderMarks(
  ctx: ServiceContext,
  job: {
    kind: PrintKind;
    jobId: number;
    ids: number[];
    printed: boolean;
    reason: string;
    iso: string;
  },
): void {
  const { sqlite } = ctx.database;
  const actor = ctx.actor();
  const journal = new Journal(sqlite);
  const mark = sqlite.prepare(
    `INSERT INTO print_marks (order_id, kind, job_id, printed_at, printed_by, times) VALUES (?, ?, ?, ?, ?, 1)
     ON CONFLICT (order_id, kind) DO UPDATE SET job_id = excluded.job_id, printed_at = excluded.printed_at,
       printed_by = excluded.printed_by, times = times + 1`,
  );
  const orderNo = sqlite.prepare('SELECT order_no FROM orders WHERE id = ?').pluck();
  for (const id of job.ids) {
    if (job.printed) mark.run(id, job.kind, job.jobId, job.iso, actor.operator);
    journal.record(
      {
        orderId: id,
        orderNo: orderNo.get(id) as string,
        change: { kind: 'print', document: job.kind },
        from: null,
        to: job.kind,
        reason: job.reason,
      },
      actor,
      job.iso,
    );
  }
}

async function produce(
  ctx: ServiceContext,
  kind: PrintKind,
  orderIds: readonly number[],
  output: Output,
  reprintOf: number | null,
  existing?: JobRow,
): Promise<PrintResult> {
  const printer = output === 'printer' ? await choosePrinter(ctx, kind) : null;
  const at = ctx.clock.now();
  let file: { fileName: string; filePath: string };
  let pages: number;
  let bytes: number;
  let ids: number[];
  if (existing && existsSync(existing.filePath)) {
    // A reprint sends the very document that was printed before.
    file = { fileName: existing.fileName, filePath: existing.filePath };
    pages = existing.pages;
    bytes = readFileSync(existing.filePath).length;
    ids = JSON.parse(existing.orderIds) as number[];
  } else {
    const made = await render(ctx, kind, orderIds, at);
    file = saveDocument(documentsDir(ctx), `${PRINT_KIND_LABELS[kind]}_${fileStamp(at)}`, made.rendered.pdf);
    pages = made.rendered.pages;
    bytes = made.rendered.pdf.length;
    ids = made.ids;
  }
  let printerJob: string | null = null;
  if (printer) {
    try {
      const { paper, copies } = documentOutput(ctx, kind);
      const title = `chumon-${kind}-${fileStamp(at)}`;
      printerJob = (await ctx.services.files.printer.print(file.filePath, printer, title, { paper, copies })).job;
    } catch (err) {
      throw new UserError(
        `${PRINT_KIND_LABELS[kind]}をプリンタ「${printer}」に送れませんでした（${(err as Error).message}）。プリンタの電源と接続を確認してください。PDF は「${file.filePath}」に保存してあります。`,
        'print_failed',
      );
    }
  }
  const jobId = record(ctx, { kind, ...file, printer, printerJob, pages, bytes, ids, reprintOf }, at);
  return { jobId, kind, ...file, pages, bytes, orderCount: ids.length, printer, printerJob };
}

/** A document beyond this is hundreds of pages nobody prints at once; split the selection. */
const MAX_ORDERS_PER_DOCUMENT = 5000;

export function runPrint(
  ctx: ServiceContext,
  input: { kind: PrintKind; orderIds: number[]; output: Output },
): Promise<PrintResult> {
  if (new Set(input.orderIds).size > MAX_ORDERS_PER_DOCUMENT) {
    throw new UserError(
      `${PRINT_KIND_LABELS[input.kind]}は一度に ${MAX_ORDERS_PER_DOCUMENT.toLocaleString('ja-JP')}件まで発行できます（選択 ${new Set(input.orderIds).size.toLocaleString('ja-JP')}件）。検索や絞り込みで分けて発行してください。`,
      'too_many',
    );
  }
  return produce(ctx, input.kind, input.orderIds, input.output, null);
}

function jobRow(ctx: ServiceContext, jobId: number): JobRow {
  const row = ctx.database.sqlite
    .prepare(
      `SELECT id, kind, file_name AS fileName, file_path AS filePath, printer, pages, order_ids AS orderIds, order_count AS orderCount,
         created_at AS createdAt, actor, reprint_of AS reprintOf FROM print_jobs WHERE id = ?`,
    )
    .get(jobId) as JobRow | undefined;
  if (!row) throw new UserError('その印刷履歴が見つかりません。一覧を開き直してください。', 'not_found');
  return row;
}

/** 再印刷: the kept PDF again (made anew from the same orders if the file is gone). */
export function reprint(ctx: ServiceContext, input: { jobId: number; output: Output }): Promise<PrintResult> {
  const row = jobRow(ctx, input.jobId);
  return produce(ctx, row.kind, JSON.parse(row.orderIds) as number[], input.output, row.id, row);
}

/** The latest jobs, or with `orderIds` the latest jobs that hold any of those orders. */
export function listJobs(ctx: ServiceContext, input: { limit: number; orderIds?: number[] }): PrintJobInfo[] {
  const columns = `id, kind, file_name AS fileName, file_path AS filePath, printer, pages, order_ids AS orderIds,
    order_count AS orderCount, created_at AS createdAt, actor, reprint_of AS reprintOf`;
  const { sqlite } = ctx.database;
  const rows = (
    input.orderIds
      ? sqlite
          .prepare(
            `SELECT ${columns} FROM print_jobs j
             WHERE EXISTS (SELECT 1 FROM json_each(j.order_ids) o WHERE o.value IN (SELECT value FROM json_each(?)))
             ORDER BY id DESC LIMIT ?`,
          )
          .all(JSON.stringify(input.orderIds), input.limit)
      : sqlite.prepare(`SELECT ${columns} FROM print_jobs ORDER BY id DESC LIMIT ?`).all(input.limit)
  ) as JobRow[];
  return rows.map(({ orderIds: _ids, ...row }) => ({ ...row, fileExists: existsSync(row.filePath) }));
}

/**
 * 印刷済みにする: the clerk printed a saved PDF elsewhere; its orders get their print mark and
 * a history row, as if it had gone to the printer here.
 */
export function markPrinted(ctx: ServiceContext, jobId: number): PrintMarksSummary {
  const row = jobRow(ctx, jobId);
  const ids = JSON.parse(row.orderIds) as number[];
  ctx.database.sqlite.transaction(() =>
    writeOrderMarks(ctx, {
      kind: row.kind,
      jobId: row.id,
      ids,
      printed: true,
      reason: `${PRINT_KIND_LABELS[row.kind]}を印刷済みにしました（保存した PDF を印刷）`,
      iso: ctx.clock.now().toISOString(),
    }),
  )();
  return marksSummary(ctx, ids);
}

export function downloadJob(ctx: ServiceContext, jobId: number): DownloadFile {
  const row = jobRow(ctx, jobId);
  if (!existsSync(row.filePath)) {
    throw new UserError(
      `PDF「${row.filePath}」が見つかりません（移動または削除されました）。「再印刷」で作り直せます。`,
      'file_missing',
    );
  }
  return { fileName: row.fileName, mimeType: 'application/pdf', base64: readFileSync(row.filePath).toString('base64') };
}

export function marksSummary(ctx: ServiceContext, orderIds: readonly number[]): PrintMarksSummary {
  const summary: PrintMarksSummary = {
    total: new Set(orderIds).size,
    printed: { picking: 0, delivery_note: 0 },
    lastPrintedAt: { picking: null, delivery_note: null },
  };
  for (const part of chunked([...new Set(orderIds)], 500)) {
    const rows = ctx.database.sqlite
      .prepare(
        `SELECT kind, count(*) AS n, max(printed_at) AS last FROM print_marks WHERE order_id IN (${part.map(() => '?').join(',')}) GROUP BY kind`,
      )
      .all(...part) as { kind: PrintKind; n: number; last: string }[];
    for (const row of rows) {
      if (!PRINT_KINDS.includes(row.kind)) continue;
      summary.printed[row.kind] += row.n;
      const last = summary.lastPrintedAt[row.kind];
      if (!last || row.last > last) summary.lastPrintedAt[row.kind] = row.last;
    }
  }
  return summary;
}
