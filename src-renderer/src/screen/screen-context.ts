import { createContext, useContext, type ReactNode } from 'react';
import type { Masters } from '../../../src-shared/api/app.js';
import type { ListQuery, SearchCriteria } from '../../../src-shared/api/orders.js';
import type { Tab } from '../../../src-shared/domain/status.js';

/**
 * What the grid lists: a tab, an F5 search result, or an E2–E4 extraction of the
 * list that was shown (a tab or a search). `label` names it in the banner and the counts.
 */
export type ListView =
  | { kind: 'tab'; tab: Tab }
  | { kind: 'search'; criteria: SearchCriteria }
  | { kind: 'extract'; label: string; base: Exclude<ListView, { kind: 'extract' }>; criteria: SearchCriteria };

/**
 * What every key action, menu item and dialog of the list screen may use. Features get it
 * as an argument (actions) or from useScreen() (components) and never reach into App.
 */
export interface ScreenContext {
  /**
   * The tab chosen in the tab bar. A search result keeps the tab it was started from, so
   * for "the listed orders" use `list`, which is what the grid shows.
   */
  tab: Tab;
  masters: Masters;
  /** What the grid lists, as orders:list / orders:ids take it. */
  list: ListQuery;
  view: ListView;
  /** Orders in the list (null until the first page arrives). */
  listTotal: number | null;
  /** Shows another list (a search result, an extraction, or back to a tab). */
  showList(view: ListView): void;
  /** Checked order ids of the current list. */
  selection: ReadonlySet<number>;
  setSelection(ids: Iterable<number>): void;
  /** The order under the cursor (the focused grid row), for F12 and E6. */
  cursorOrderId(): number | null;
  notify(kind: 'info' | 'error', text: string): void;
  /** Shows a dialog over the list; only one at a time. */
  openDialog(node: ReactNode): void;
  closeDialog(): void;
}

export const ScreenReact = createContext<ScreenContext | null>(null);

export function useScreen(): ScreenContext {
  const screen = useContext(ScreenReact);
  if (!screen) throw new Error('useScreen outside the list screen');
  return screen;
}
