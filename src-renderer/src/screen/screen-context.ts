import { createContext, useContext, type ReactNode } from 'react';
import type { Masters } from '../../../src-shared/api/app.js';
import type { Tab } from '../../../src-shared/domain/status.js';

/**
 * What every key action, menu item and dialog of the list screen may use. Features get it
 * as an argument (actions) or from useScreen() (components) and never reach into App.
 */
export interface ScreenContext {
  tab: Tab;
  masters: Masters;
  /** Checked order ids of the current list. */
  selection: ReadonlySet<number>;
  setSelection(ids: Iterable<number>): void;
  /** The order under the cursor (the focused grid row), for F12 and E6. */
  cursorOrderId(): number | null;
  notify(kind: 'info' | 'error', text: string): void;
  /** Re-reads counts, rows and masters after a change. */
  refresh(): void;
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
