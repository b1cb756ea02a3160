import { z } from 'zod';

/** A file made in the main process for the renderer to save (browser download or Electron). */
export interface DownloadFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

/**
 * A file the user chose, read by the renderer (File API) and sent as base64: the main
 * process does all parsing. ~45 MB of file fits under the browser-mode body limit.
 */
export const fileUpload = z.object({
  name: z.string().trim().min(1).max(255),
  // An empty file is let through: the import says which file is empty, by name.
  base64: z.string().max(60 * 1024 * 1024, 'ファイルが大きすぎます（45MBまで）。分けて取り込んでください。'),
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
}

export const fileSettingsInput = z.object({
  printer: z.string().trim().max(200),
  deliveryNotePrices: z.boolean(),
  csvEncoding: z.enum(CSV_ENCODINGS),
  documentsDir: z.string().trim().max(1000),
});
