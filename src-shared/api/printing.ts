import { z } from 'zod';
import { orderIds } from './orders.js';
import { method } from './define.js';
import { fileSettingsInput, type DownloadFile, type FileSettings } from './files.js';
import { PRINT_KINDS, type PrintKind } from '../domain/print-kinds.js';

export { PRINT_KINDS, PRINT_KIND_LABELS, type PrintKind } from '../domain/print-kinds.js';

export interface PrinterList {
  system: 'cups' | 'windows';
  available: boolean;
  printers: { name: string; isDefault: boolean }[];
  /** Why no printer can be used, when `available` is false. */
  message: string;
}

export interface PrintResult {
  jobId: number;
  kind: PrintKind;
  fileName: string;
  filePath: string;
  pages: number;
  bytes: number;
  orderCount: number;
  /** Null when only saved as PDF. */
  printer: string | null;
  printerJob: string | null;
}

export interface PrintJobInfo {
  id: number;
  kind: PrintKind;
  fileName: string;
  filePath: string;
  printer: string | null;
  pages: number;
  orderCount: number;
  createdAt: string;
  actor: string;
  reprintOf: number | null;
  fileExists: boolean;
}

/** The printer E8 will print to, or why there is none (then only 「PDFで保存」 works). */
export interface PrintTarget {
  printer: string | null;
  reason: string;
}

/** How many of the checked orders already have each document (for the reprint warning). */
export interface PrintMarksSummary {
  total: number;
  printed: Record<PrintKind, number>;
  lastPrintedAt: Record<PrintKind, string | null>;
}

const output = z.enum(['printer', 'pdf']);
const jobId = z.number().int().positive();

export const printingApi = {
  'printing:printers': method<PrinterList>()(z.object({})),
  /** E8: a picking list or the delivery notes of the checked orders, to the printer or as PDF. */
  'printing:run': method<PrintResult>()(z.object({ kind: z.enum(PRINT_KINDS), orderIds, output })),
  'printing:reprint': method<PrintResult>()(z.object({ jobId, output })),
  'printing:target': method<PrintTarget>()(z.object({ kind: z.enum(PRINT_KINDS).optional() })),
  /** The latest jobs; with orderIds, only the jobs holding any of those orders. */
  'printing:jobs': method<PrintJobInfo[]>()(
    z.object({ limit: z.number().int().min(1).max(200).default(20), orderIds: orderIds.optional() }),
  ),
  'printing:download': method<DownloadFile>()(z.object({ jobId })),
  'printing:marks': method<PrintMarksSummary>()(z.object({ orderIds })),
  /** 印刷済みにする: a saved PDF was printed elsewhere; its orders get their print mark. */
  'printing:markPrinted': method<PrintMarksSummary>()(z.object({ jobId })),
  /** 印刷・CSV settings (E8, E9). */
  'printing:settings': method<FileSettings>()(z.object({})),
  'printing:saveSettings': method<FileSettings>()(fileSettingsInput),
};
