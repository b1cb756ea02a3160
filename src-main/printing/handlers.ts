import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../src-shared/api/errors.js';
import type { Handlers } from '../core/dispatch.js';
import { downloadJob, listJobs, marksSummary, reprint, runPrint } from './print-service.js';

export const printingHandlers: Handlers<
  | 'printing:printers'
  | 'printing:run'
  | 'printing:reprint'
  | 'printing:jobs'
  | 'printing:download'
  | 'printing:marks'
  | 'printing:settings'
  | 'printing:saveSettings'
> = {
  'printing:printers': async (_input, ctx) => {
    const { printer } = ctx.services.files;
    return { system: printer.system, ...(await printer.list()) };
  },
  'printing:run': (input, ctx) => runPrint(ctx, input),
  'printing:reprint': (input, ctx) => reprint(ctx, input),
  'printing:jobs': ({ limit }, ctx) => listJobs(ctx, limit),
  'printing:download': ({ jobId }, ctx) => downloadJob(ctx, jobId),
  'printing:marks': ({ orderIds }, ctx) => marksSummary(ctx, orderIds),
  'printing:settings': (_input, ctx) => {
    const documents = ctx.settings.get('documents');
    return {
      printer: ctx.settings.get('printer'),
      deliveryNotePrices: documents?.deliveryNotePrices !== false,
      csvEncoding: ctx.settings.get('csvEncoding'),
      documentsDir: documents?.dir ?? '',
      defaultDocumentsDir: ctx.paths.documents,
    };
  },
  'printing:saveSettings': async (input, ctx) => {
    if (input.printer) {
      const listing = await ctx.services.files.printer.list();
      if (!listing.printers.some((p) => p.name === input.printer)) {
        throw new UserError(`プリンタ「${input.printer}」はこの PC にありません。一覧から選んでください。`);
      }
    }
    if (input.documentsDir) {
      if (!path.isAbsolute(input.documentsDir))
        throw new UserError('PDF の保存先は、ドライブやルートから始まるフォルダのパスで指定してください。');
      try {
        mkdirSync(input.documentsDir, { recursive: true });
      } catch (err) {
        throw new UserError(
          `保存先フォルダ「${input.documentsDir}」を作成できません（${(err as Error).message}）。別のフォルダを指定してください。`,
        );
      }
    }
    ctx.settings.set('printer', input.printer);
    ctx.settings.set('csvEncoding', input.csvEncoding);
    ctx.settings.set('documents', { dir: input.documentsDir, deliveryNotePrices: input.deliveryNotePrices });
    return { ...input, defaultDocumentsDir: ctx.paths.documents };
  },
};
