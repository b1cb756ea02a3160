import type { SearchCriteria } from '../../src-shared/api/orders.js';
import type { GridColumn, UiState } from '../../src-shared/api/ui.js';
import type { ServiceContext } from '../core/context.js';
import type { Handlers } from '../core/dispatch.js';

/**
 * The list screen's memory: grid columns per list and the last F5 conditions, kept
 * in settings `ui` (electron-store / conf), so they survive a restart. Other keys of `ui`
 * are left as they are.
 */
function read(ctx: ServiceContext): UiState {
  const ui = ctx.settings.get('ui');
  return {
    grids: (ui.grids ?? {}) as Record<string, GridColumn[]>,
    lastSearch: (ui.lastSearch ?? null) as SearchCriteria | null,
  };
}

export const uiHandlers: Handlers<'ui:state' | 'ui:saveGrid' | 'ui:saveSearch'> = {
  'ui:state': (_input, ctx) => read(ctx),
  'ui:saveGrid': ({ key, columns }, ctx) => {
    const ui = ctx.settings.get('ui');
    ctx.settings.set('ui', { ...ui, grids: { ...read(ctx).grids, [key]: columns } });
  },
  'ui:saveSearch': ({ criteria }, ctx) => {
    ctx.settings.set('ui', { ...ctx.settings.get('ui'), lastSearch: criteria });
  },
};
