import type { Handlers } from '../core/dispatch.js';
import { exportLabels } from './label-export.js';
import { commitTracking, previewTracking } from './tracking-import.js';

export const carrierHandlers: Handlers<
  'carriers:export' | 'carriers:importPreview' | 'carriers:importCommit' | 'carriers:settings' | 'carriers:saveSettings'
> = {
  'carriers:export': (input, ctx) => exportLabels(ctx, input),
  'carriers:importPreview': ({ file }, ctx) => previewTracking(ctx, file),
  'carriers:importCommit': ({ previewId }, ctx) => commitTracking(ctx, previewId),
  'carriers:settings': (_input, ctx) =>
    ctx.settings.get('shippingLabels') ?? { yamatoCustomerCode: '', yamatoFreightNo: '01', sagawaCustomerCode: '' },
  'carriers:saveSettings': (input, ctx) => {
    ctx.settings.set('shippingLabels', input);
    return input;
  },
};
