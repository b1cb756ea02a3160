import type { Handlers } from '../core/dispatch.js';

export const importHandlers: Handlers<
  'imports:preview' | 'imports:commit' | 'imports:mappings' | 'imports:saveMapping' | 'imports:deleteMapping'
> = {
  'imports:preview': (input, ctx) => ctx.services.imports.preview(input),
  'imports:commit': ({ previewId }, ctx) => ctx.services.imports.commit(previewId),
  'imports:mappings': (_input, ctx) => ctx.services.imports.mappings(),
  'imports:saveMapping': (input, ctx) => ctx.services.imports.saveMapping(input),
  'imports:deleteMapping': ({ id }, ctx) => ctx.services.imports.deleteMapping(id),
};
