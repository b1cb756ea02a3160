import type { SearchCriteria } from '../../src-shared/api/orders.js';
import type { GridColumn, ImportChoice, UiState } from '../../src-shared/api/ui.js';
import type { AppContext } from '../core/app-context.js';

/**
 * The list screen's memory: grid columns per list, the last F5 conditions and F1's last choices, kept
 * in settings `ui` (electron-store / conf), so they survive a restart. Other keys of `ui`
 * are left as they are.
 */
export class UiMemory {
  constructor(private readonly parts: Pick<AppContext, 'settings'>) {}

  state(): UiState {
    const ui = this.parts.settings.get('ui');
    return {
      grids: (ui.grids ?? {}) as Record<string, GridColumn[]>,
      lastSearch: (ui.lastSearch ?? null) as SearchCriteria | null,
      lastImport: (ui.lastImport ?? null) as ImportChoice | null,
    };
  }

  saveGrid(key: string, columns: GridColumn[]): void {
    this.save({ grids: { ...this.state().grids, [key]: columns } });
  }

  saveSearch(criteria: SearchCriteria): void {
    this.save({ lastSearch: criteria });
  }

  saveImport(choice: ImportChoice): void {
    this.save({ lastImport: choice });
  }

  private save(change: Record<string, unknown>): void {
    const { settings } = this.parts;
    settings.set('ui', { ...settings.get('ui'), ...change });
  }
}
