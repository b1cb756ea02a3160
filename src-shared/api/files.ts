import { z } from 'zod';
import { MAX_COPIES, PAPER_SIZES, type DocumentOutput, type PrintKind } from '../domain/print-kinds.js';
import { lineText } from './text.js';

/** A file made in the main process for the renderer to save (browser download or Electron). */
export interface DownloadFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

export const FILE_TOO_LARGE_MESSAGE = 'ファイルが大きすぎます（45MBまで）。分けて取り込んでください。';

export const UPLOAD_MAX_BYTES = 45 * 1024 * 1024;

/**
 * A file the user chose: the main process does all parsing. In browser mode the renderer
 * reads it (File API) and sends it as base64 (~45 MB fits under the HTTP body limit); in the
 * desktop app it sends the chosen file's path, and the service host reads the file itself.
 */
export const fileUpload = z
  .object({
    name: lineText().trim().min(1).max(255),
    // An empty file is let through: the import says which file is empty, by name.
    base64: z
      .string()
      .max(60 * 1024 * 1024, FILE_TOO_LARGE_MESSAGE)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'ファイルの内容を読み取れませんでした。もう一度ファイルを選んでください。')
      .optional(),
    path: lineText().min(1).max(4096).optional(),
  })
  .refine((file) => (file.base64 === undefined) !== (file.path === undefined), {
    message: 'ファイルの内容を読み取れませんでした。もう一度ファイルを選んでください。',
  });
export type FileUpload = z.infer<typeof fileUpload>;

export const CSV_ENCODINGS = ['shift_jis', 'utf8bom'] as const;
export type CsvEncodingSetting = (typeof CSV_ENCODINGS)[number];
export const CSV_ENCODING_LABELS: Record<CsvEncodingSetting, string> = {
  shift_jis: 'Shift_JIS（Excel 標準）',
  utf8bom: 'UTF-8（BOM付き）',
};

/** 印刷・CSV settings (E8, E9). */
export interface FileSettings {
  /** The chosen printer ('' = the OS default printer). */
  printer: string;
  deliveryNotePrices: boolean;
  csvEncoding: CsvEncodingSetting;
  /** Where printed PDFs are kept ('' = the default below). */
  documentsDir: string;
  defaultDocumentsDir: string;
  /** 適格請求書発行事業者の登録番号 printed on the 納品書 ('' = none). */
  registrationNumber: string;
  /** Per document: its own printer ('' = the one above), paper and copies. */
  outputs: Record<PrintKind, DocumentOutput>;
}

const documentOutput = z.object({
  printer: lineText().trim().max(200),
  paper: z.enum(PAPER_SIZES),
  copies: z.number().int().min(1).max(MAX_COPIES),
});

export const fileSettingsInput = z.object({
  printer: lineText().trim().max(200),
  deliveryNotePrices: z.boolean(),
  csvEncoding: z.enum(CSV_ENCODINGS),
  documentsDir: lineText().trim().max(1000),
  /** Checked by the handler, which answers in the manual's words. */
  registrationNumber: lineText().max(40).optional(),
  outputs: z.object({ picking: documentOutput, delivery_note: documentOutput }).optional(),
});
