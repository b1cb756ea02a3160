import type { Handlers } from '../core/dispatch.js';
import { readFileSettings, saveFileSettings } from './print-settings.js';
import { downloadJob, listJobs, markPrinted, marksSummary, printTarget, reprint, runPrint } from './print-service.js';

export const printingHandlers: Handlers<
  | 'printing:printers'
  | 'printing:run'
  | 'printing:reprint'
  | 'printing:jobs'
  | 'printing:download'
  | 'printing:marks'
  | 'printing:target'
  | 'printing:markPrinted'
  | 'printing:settings'
  | 'printing:saveSettings'
> = {
  'printing:printers': async (_input, ctx) => {
    const { printer } = ctx.services.files;
    return { system: printer.system, ...(await printer.list()) };
  },
  'printing:run': (input, ctx) => runPrint(ctx, input),
  'printing:reprint': (input, ctx) => reprint(ctx, input),
  'printing:jobs': (input, ctx) => listJobs(ctx, input),
  'printing:target': (input, ctx) => printTarget(ctx, input.kind),
  'printing:markPrinted': ({ jobId }, ctx) => markPrinted(ctx, jobId),
  'printing:download': ({ jobId }, ctx) => downloadJob(ctx, jobId),
  'printing:marks': ({ orderIds }, ctx) => marksSummary(ctx, orderIds),
  'printing:settings': (_input, ctx) => readFileSettings(ctx),
  'printing:saveSettings': (input, ctx) => saveFileSettings(ctx, input),
};
