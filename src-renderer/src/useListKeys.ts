import { useEffect } from 'react';
import { TABS, type Tab } from '../../src-shared/domain/status.js';
import { layerOpen } from './components/layers.js';
import { isFunctionKey, type FunctionKey } from './keys.js';

/** The tab a digit 1–9 opens, pressed on the list (not while typing in a field). */
function tabOfDigit(e: KeyboardEvent): Tab | null {
  if (e.ctrlKey || e.altKey || e.metaKey || !/^[1-9]$/.test(e.key)) return null;
  const target = e.target;
  if (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return null;
  return TABS[Number(e.key) - 1] ?? null;
}

/**
 * The list screen's keyboard: physical function keys go to `press` (the browser's own
 * meanings — F5 reload, F1 help, ... — are suppressed); a digit 1–9 opens its tab when no
 * dialog is open.
 */
export function useListKeys(press: (key: FunctionKey) => void, selectTab: (tab: Tab) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isFunctionKey(e.key)) {
        e.preventDefault();
        press(e.key);
      } else {
        const tab = tabOfDigit(e);
        if (tab && !layerOpen()) {
          e.preventDefault();
          selectTab(tab);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [press, selectTab]);
}
