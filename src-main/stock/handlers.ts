import type { Handlers } from '../core/dispatch.js';

export const stockHandlers: Handlers<
  | 'stock:check'
  | 'stock:registerShortage'
  | 'stock:list'
  | 'stock:ledger'
  | 'stock:adjust'
  | 'stock:covered'
  | 'stock:export'
  | 'stock:importPreview'
  | 'stock:importCommit'
  | 'stock:mappings'
  | 'stock:saveMapping'
  | 'stock:deleteMapping'
> = {
  'stock:check': ({ orderIds }, ctx) => ctx.services.stock.check(orderIds, ctx.actor(), ctx.clock.now()),
  'stock:registerShortage': ({ orderIds }, ctx) =>
    ctx.services.stock.registerShortage(orderIds, ctx.actor(), ctx.clock.now()),
  'stock:list': (input, ctx) => ctx.services.stock.list.list(input, ctx.actor().storeId),
  'stock:ledger': ({ sku, storeId, limit }, ctx) =>
    ctx.services.stock.list.ledger(sku, storeId, limit, ctx.actor().storeId),
  'stock:adjust': (input, ctx) => ctx.services.stock.adjust(input, ctx.actor(), ctx.clock.now()),
  'stock:covered': ({ storeId, skus }, ctx) => ctx.services.stock.coveredFor(storeId, skus, ctx.actor().storeId),
  'stock:export': (input, ctx) =>
    ctx.services.stock.list.exportCsv(
      input,
      ctx.actor().storeId,
      input.encoding ?? ctx.settings.get('csvEncoding'),
      ctx.clock.now(),
    ),
  'stock:importPreview': (input, ctx) => ctx.services.stock.imports.preview(input, ctx.actor()),
  'stock:importCommit': ({ previewId, skipBad }, ctx) =>
    ctx.services.stock.imports.commit(previewId, skipBad, ctx.actor(), ctx.clock.now()),
  'stock:mappings': (_input, ctx) => ctx.services.stock.mappings.list(),
  'stock:saveMapping': (input, ctx) => ctx.services.stock.mappings.save(input, ctx.clock.now().toISOString()),
  'stock:deleteMapping': ({ id }, ctx) => ({ deleted: ctx.services.stock.mappings.delete(id) }),
};
