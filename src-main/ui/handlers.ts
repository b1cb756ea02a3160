import type { Handlers } from '../core/dispatch.js';

export const uiHandlers: Handlers<'ui:state' | 'ui:saveGrid' | 'ui:saveSearch' | 'ui:saveImport'> = {
  'ui:state': (_input, ctx) => ctx.services.ui.state(),
  'ui:saveGrid': ({ key, columns }, ctx) => ctx.services.ui.saveGrid(key, columns),
  'ui:saveSearch': ({ criteria }, ctx) => ctx.services.ui.saveSearch(criteria),
  'ui:saveImport': (choice, ctx) => ctx.services.ui.saveImport(choice),
};
