import { existsSync, readFileSync } from 'node:fs';
import { UserError } from '../../src-shared/api/errors.js';
import type { DownloadFile, FileSettings } from '../../src-shared/api/files.js';
import {
  PRINT_KIND_LABELS,
  PRINT_KINDS,
  type PrintJobInfo,
  type PrintKind,
  type PrintMarksSummary,
  type PrinterList,
  type PrintResult,
  type PrintTarget,
} from '../../src-shared/api/printing.js';
import { chunked } from '../core/chunked.js';
import { Journal } from '../core/journal.js';
import { fontFiles } from './assets.js';
import { renderDeliveryNotes } from './delivery-note.js';
import { documentsDir, fileStamp, saveDocument } from './documents.js';
import { renderPickingList, type RenderedPdf } from './picking-list.js';
import { loadPrintData, type PrintData } from './print-data.js';
import type { PrintParts } from './print-parts.js';
import {
  documentOutput,
  readFileSettings,
  registrationNumber,
  saveFileSettings,
  type SaveInput,
} from './print-settings.js';

type Output = 'printer' | 'pdf';

/** A print_jobs row as read back: the job's info plus its orders (JSON). */
type JobRow = Omit<PrintJobInfo, 'fileExists'> & { orderIds: string };

/** A document beyond this is hundreds of pages nobody prints at once; split the selection. */
const MAX_ORDERS_PER_DOCUMENT = 5000;

/**
 * 印刷 (E8): ピッキングリスト and 納品書 to a printer or a kept PDF, their jobs and each
 * order's print marks. Built once per open database with the parts it prints with.
 */
export class PrintService {
  constructor(private readonly parts: PrintParts) {}

  /** The printers of this PC, for the settings screen. */
  async printers(): Promise<PrinterList> {
    const printer = this.parts.printer();
    return { system: printer.system, ...(await printer.list()) };
  }

  /** 設定 → 印刷・CSV as the screen shows it. */
  settings(): FileSettings {
    return readFileSettings(this.parts);
  }

  saveSettings(input: SaveInput): Promise<FileSettings> {
    return saveFileSettings(this.parts, input);
  }

  /** The checked orders as the documents (and the carriers' labels) print them. */
  loadData(orderIds: readonly number[]): PrintData {
    return loadPrintData(this.parts, orderIds);
  }

  /**
   * The printer a job goes to: the document's own printer, else the one chosen for all, else
   * the OS default (or the only one); without one, why not. E8 shows this before printing.
   */
  async target(kind?: PrintKind): Promise<PrintTarget> {
    const listing = await this.parts.printer().list();
    if (!listing.available) return { printer: null, reason: listing.message };
    const own = kind ? documentOutput(this.parts, kind).printer : '';
    const chosen = own || this.parts.settings.get('printer');
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

  private async choosePrinter(kind: PrintKind): Promise<string> {
    const target = await this.target(kind);
    if (target.printer) return target.printer;
    throw new UserError(
      `${target.reason}「PDFで保存」なら印刷せずに保存できます。何も印刷していません。`,
      'no_printer',
    );
  }

  private async render(
    kind: PrintKind,
    orderIds: readonly number[],
    printedAt: Date,
  ): Promise<{ rendered: RenderedPdf; ids: number[] }> {
    const data = this.loadData(orderIds);
    const meta = { printedAt, operator: this.parts.actor().operator, fonts: fontFiles(this.parts.paths.assets) };
    const rendered =
      kind === 'picking'
        ? await renderPickingList(data, meta, documentOutput(this.parts, kind).paper)
        : await renderDeliveryNotes(data, meta, {
            withPrices: this.parts.settings.get('documents')?.deliveryNotePrices !== false,
            registrationNumber: registrationNumber(this.parts),
            paper: documentOutput(this.parts, kind).paper,
          });
    return { rendered, ids: data.orders.map((o) => o.id) };
  }

  /**
   * Records a document: the job, a history row per order and, when it went to a printer, each
   * order's print mark (printed at, by whom, how often), in one transaction. A PDF only saved
   * is not 印刷済み: the clerk may print it elsewhere, and says so (markPrinted).
   */
  private record(
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
    const { sqlite } = this.parts;
    const actor = this.parts.actor();
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
      this.writeOrderMarks({
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
  private writeOrderMarks(job: {
    kind: PrintKind;
    jobId: number;
    ids: number[];
    printed: boolean;
    reason: string;
    iso: string;
  }): void {
    const { sqlite } = this.parts;
    const actor = this.parts.actor();
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

  private async produce(
    kind: PrintKind,
    orderIds: readonly number[],
    output: Output,
    reprintOf: number | null,
    existing?: JobRow,
  ): Promise<PrintResult> {
    const printer = output === 'printer' ? await this.choosePrinter(kind) : null;
    const at = this.parts.clock.now();
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
      const made = await this.render(kind, orderIds, at);
      file = saveDocument(documentsDir(this.parts), `${PRINT_KIND_LABELS[kind]}_${fileStamp(at)}`, made.rendered.pdf);
      pages = made.rendered.pages;
      bytes = made.rendered.pdf.length;
      ids = made.ids;
    }
    let printerJob: string | null = null;
    if (printer) {
      try {
        const { paper, copies } = documentOutput(this.parts, kind);
        const title = `chumon-${kind}-${fileStamp(at)}`;
        printerJob = (await this.parts.printer().print(file.filePath, printer, title, { paper, copies })).job;
      } catch (err) {
        throw new UserError(
          `${PRINT_KIND_LABELS[kind]}をプリンタ「${printer}」に送れませんでした（${(err as Error).message}）。プリンタの電源と接続を確認してください。PDF は「${file.filePath}」に保存してあります。`,
          'print_failed',
        );
      }
    }
    const jobId = this.record({ kind, ...file, printer, printerJob, pages, bytes, ids, reprintOf }, at);
    return { jobId, kind, ...file, pages, bytes, orderCount: ids.length, printer, printerJob };
  }

  run(input: { kind: PrintKind; orderIds: number[]; output: Output }): Promise<PrintResult> {
    if (new Set(input.orderIds).size > MAX_ORDERS_PER_DOCUMENT) {
      throw new UserError(
        `${PRINT_KIND_LABELS[input.kind]}は一度に ${MAX_ORDERS_PER_DOCUMENT.toLocaleString('ja-JP')}件まで発行できます（選択 ${new Set(input.orderIds).size.toLocaleString('ja-JP')}件）。検索や絞り込みで分けて発行してください。`,
        'too_many',
      );
    }
    return this.produce(input.kind, input.orderIds, input.output, null);
  }

  private jobRow(jobId: number): JobRow {
    const row = this.parts.sqlite
      .prepare(
        `SELECT id, kind, file_name AS fileName, file_path AS filePath, printer, pages, order_ids AS orderIds, order_count AS orderCount,
           created_at AS createdAt, actor, reprint_of AS reprintOf FROM print_jobs WHERE id = ?`,
      )
      .get(jobId) as JobRow | undefined;
    if (!row) throw new UserError('その印刷履歴が見つかりません。一覧を開き直してください。', 'not_found');
    return row;
  }

  /** 再印刷: the kept PDF again (made anew from the same orders if the file is gone). */
  reprint(input: { jobId: number; output: Output }): Promise<PrintResult> {
    const row = this.jobRow(input.jobId);
    return this.produce(row.kind, JSON.parse(row.orderIds) as number[], input.output, row.id, row);
  }

  /** The latest jobs, or with `orderIds` the latest jobs that hold any of those orders. */
  jobs(input: { limit: number; orderIds?: number[] }): PrintJobInfo[] {
    const columns = `id, kind, file_name AS fileName, file_path AS filePath, printer, pages, order_ids AS orderIds,
      order_count AS orderCount, created_at AS createdAt, actor, reprint_of AS reprintOf`;
    const { sqlite } = this.parts;
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
  markPrinted(jobId: number): PrintMarksSummary {
    const row = this.jobRow(jobId);
    const ids = JSON.parse(row.orderIds) as number[];
    this.parts.sqlite.transaction(() =>
      this.writeOrderMarks({
        kind: row.kind,
        jobId: row.id,
        ids,
        printed: true,
        reason: `${PRINT_KIND_LABELS[row.kind]}を印刷済みにしました（保存した PDF を印刷）`,
        iso: this.parts.clock.now().toISOString(),
      }),
    )();
    return this.marks(ids);
  }

  download(jobId: number): DownloadFile {
    const row = this.jobRow(jobId);
    if (!existsSync(row.filePath)) {
      throw new UserError(
        `PDF「${row.filePath}」が見つかりません（移動または削除されました）。「再印刷」で作り直せます。`,
        'file_missing',
      );
    }
    return {
      fileName: row.fileName,
      mimeType: 'application/pdf',
      base64: readFileSync(row.filePath).toString('base64'),
    };
  }

  marks(orderIds: readonly number[]): PrintMarksSummary {
    const summary: PrintMarksSummary = {
      total: new Set(orderIds).size,
      printed: { picking: 0, delivery_note: 0 },
      lastPrintedAt: { picking: null, delivery_note: null },
    };
    for (const part of chunked([...new Set(orderIds)], 500)) {
      const rows = this.parts.sqlite
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
}
