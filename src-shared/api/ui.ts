import { z } from 'zod';
import { method } from './define.js';
import { searchCriteria, type SearchCriteria } from './orders.js';
import { lineText } from './text.js';

/** One grid column as remembered: position is the array order. */
export const gridColumn = z.object({
  colId: lineText().max(40),
  width: z.number().int().min(20).max(2000).optional(),
  hide: z.boolean().optional(),
  sort: z.enum(['asc', 'desc']).nullable().optional(),
  sortIndex: z.number().int().min(0).max(50).nullable().optional(),
});
export type GridColumn = z.infer<typeof gridColumn>;

/** What the list screen remembers between runs (settings `ui`). */
export interface UiState {
  /** Column order, widths and sort per list key (a tab, or 'search'). */
  grids: Record<string, GridColumn[]>;
  /** The last F5 conditions, offered again when the dialog opens. */
  lastSearch: SearchCriteria | null;
}

export const uiApi = {
  'ui:state': method<UiState>()(z.object({})),
  'ui:saveGrid': method<void>()(z.object({ key: lineText().min(1).max(40), columns: z.array(gridColumn).max(40) })),
  'ui:saveSearch': method<void>()(z.object({ criteria: searchCriteria })),
};
