import type { Handlers } from '../core/dispatch.js';

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
  'printing:printers': (_input, ctx) => ctx.services.printing.printers(),
  'printing:run': (input, ctx) => ctx.services.printing.run(input),
  'printing:reprint': (input, ctx) => ctx.services.printing.reprint(input),
  'printing:jobs': (input, ctx) => ctx.services.printing.jobs(input),
  'printing:target': ({ kind }, ctx) => ctx.services.printing.target(kind),
  'printing:markPrinted': ({ jobId }, ctx) => ctx.services.printing.markPrinted(jobId),
  'printing:download': ({ jobId }, ctx) => ctx.services.printing.download(jobId),
  'printing:marks': ({ orderIds }, ctx) => ctx.services.printing.marks(orderIds),
  'printing:settings': (_input, ctx) => ctx.services.printing.settings(),
  'printing:saveSettings': (input, ctx) => ctx.services.printing.saveSettings(input),
};
