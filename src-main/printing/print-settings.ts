import path from 'node:path';
import { UserError } from '../../src-shared/api/errors.js';
import type { FileSettings } from '../../src-shared/api/files.js';
import {
  DEFAULT_DOCUMENT_OUTPUTS,
  PRINT_KIND_LABELS,
  PRINT_KINDS,
  type DocumentOutput,
  type PrintKind,
} from '../../src-shared/domain/print-kinds.js';
import { REGISTRATION_NUMBER_ERROR, normalizeRegistrationNumber } from '../../src-shared/domain/tax.js';
import type { Settings } from '../settings/settings.js';
import { makeDocumentsFolder } from './documents.js';
import type { PrintParts } from './print-parts.js';

export type SaveInput = Omit<FileSettings, 'defaultDocumentsDir' | 'registrationNumber' | 'outputs'> &
  Partial<Pick<FileSettings, 'registrationNumber' | 'outputs'>>;

/** One document's printer, paper and copies as saved (the defaults for a setting not made yet). */
export function documentOutput(ctx: { settings: Settings }, kind: PrintKind): DocumentOutput {
  return { ...DEFAULT_DOCUMENT_OUTPUTS[kind], ...ctx.settings.get('documentOutputs')?.[kind] };
}

/** The seller's 登録番号 for the 納品書 ('' = none). */
export function registrationNumber(ctx: { settings: Settings }): string {
  return ctx.settings.get('documents')?.registrationNumber ?? '';
}

/** 設定 → 印刷・CSV as the screen shows it. */
export function readFileSettings(ctx: Pick<PrintParts, 'settings' | 'paths'>): FileSettings {
  const documents = ctx.settings.get('documents');
  return {
    printer: ctx.settings.get('printer'),
    deliveryNotePrices: documents?.deliveryNotePrices !== false,
    csvEncoding: ctx.settings.get('csvEncoding'),
    documentsDir: documents?.dir ?? '',
    defaultDocumentsDir: ctx.paths.documents,
    registrationNumber: registrationNumber(ctx),
    outputs: { picking: documentOutput(ctx, 'picking'), delivery_note: documentOutput(ctx, 'delivery_note') },
  };
}

/**
 * Saves 設定 → 印刷・CSV after checking all of it: every printer named must be on this PC,
 * the 登録番号 "T" + 13 digits, the folder usable. Anything wrong: a Japanese message and
 * nothing saved.
 */
export async function saveFileSettings(
  ctx: Pick<PrintParts, 'settings' | 'paths' | 'printer'>,
  input: SaveInput,
): Promise<FileSettings> {
  const outputs = input.outputs ?? readFileSettings(ctx).outputs;
  const number = normalizeRegistrationNumber(input.registrationNumber ?? registrationNumber(ctx));
  if (number === null) throw new UserError(REGISTRATION_NUMBER_ERROR, 'registration_number');
  const named = [
    { printer: input.printer, label: '' },
    ...PRINT_KINDS.map((kind) => ({ printer: outputs[kind].printer, label: `${PRINT_KIND_LABELS[kind]}の` })),
  ].filter((p) => p.printer);
  if (named.length > 0) {
    const listing = await ctx.printer().list();
    for (const { printer, label } of named) {
      if (!listing.printers.some((p) => p.name === printer)) {
        throw new UserError(`${label}プリンタ「${printer}」はこの PC にありません。一覧から選んでください。`);
      }
    }
  }
  if (input.documentsDir) {
    if (!path.isAbsolute(input.documentsDir))
      throw new UserError('PDF の保存先は、ドライブやルートから始まるフォルダのパスで指定してください。');
    await makeDocumentsFolder(input.documentsDir);
  }
  ctx.settings.set('printer', input.printer);
  ctx.settings.set('csvEncoding', input.csvEncoding);
  ctx.settings.set('documents', {
    dir: input.documentsDir,
    deliveryNotePrices: input.deliveryNotePrices,
    registrationNumber: number,
  });
  ctx.settings.set('documentOutputs', outputs);
  return readFileSettings(ctx);
}
