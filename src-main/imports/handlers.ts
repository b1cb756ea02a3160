import type { Handlers } from '../core/dispatch.js';
import { commitImport, previewImport } from './import-service.js';
import { deleteMapping, listMappings, saveMapping } from './mappings.js';

export const importHandlers: Handlers<
  'imports:preview' | 'imports:commit' | 'imports:mappings' | 'imports:saveMapping' | 'imports:deleteMapping'
> = {
  'imports:preview': (input, ctx) => previewImport(ctx, input),
  'imports:commit': ({ previewId }, ctx) => commitImport(ctx, previewId),
  'imports:mappings': (_input, ctx) => listMappings(ctx.database.sqlite),
  'imports:saveMapping': (input, ctx) => saveMapping(ctx.database.sqlite, input, ctx.clock.now().toISOString()),
  'imports:deleteMapping': ({ id }, ctx) => ({ deleted: deleteMapping(ctx.database.sqlite, id) }),
};
