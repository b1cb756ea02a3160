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
  'printing:jobs': method<PrintJobInfo[]>()(z.object({ limit: z.number().int().min(1).max(200).default(20) })),
  'printing:download': method<DownloadFile>()(z.object({ jobId })),
  'printing:marks': method<PrintMarksSummary>()(z.object({ orderIds })),
  /** 印刷・CSV settings (E8, E9). */
  'printing:settings': method<FileSettings>()(z.object({})),
  'printing:saveSettings': method<FileSettings>()(fileSettingsInput),
};
