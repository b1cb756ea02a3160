import type { Handlers } from '../core/dispatch.js';

export const carrierHandlers: Handlers<
  'carriers:export' | 'carriers:importPreview' | 'carriers:importCommit' | 'carriers:settings' | 'carriers:saveSettings'
> = {
  'carriers:export': (input, ctx) => ctx.services.carriers.exportLabels(input),
  'carriers:importPreview': ({ file }, ctx) => ctx.services.carriers.previewTracking(file),
  'carriers:importCommit': ({ previewId }, ctx) => ctx.services.carriers.commitTracking(previewId),
  'carriers:settings': (_input, ctx) => ctx.services.carriers.settings(),
  'carriers:saveSettings': (input, ctx) => ctx.services.carriers.saveSettings(input),
};
