import { useCallback, useEffect, useState } from 'react';
import type { Masters } from '../../../src-shared/api/app.js';
import type { TabCounts } from '../../../src-shared/api/orders.js';
import type { Tab } from '../../../src-shared/domain/status.js';
import { invoke, onAppEvent } from '../api/client.js';

/** The list screen's state: current tab, live counts, masters and the checked order ids. */
export function useOrderList(onError: (message: string) => void) {
  const [tab, setTab] = useState<Tab>('new');
  const [counts, setCounts] = useState<TabCounts | null>(null);
  const [masters, setMasters] = useState<Masters | null>(null);
  const [selection, setSelectionState] = useState<ReadonlySet<number>>(new Set());
  const [revision, setRevision] = useState(0);

  const refresh = useCallback(() => {
    invoke('orders:counts', {}).then(setCounts, (e: Error) => onError(e.message));
    invoke('masters:get', {}).then(setMasters, (e: Error) => onError(e.message));
    setRevision((r) => r + 1);
  }, [onError]);

  useEffect(() => {
    refresh();
    return onAppEvent((event) => {
      if (event.type === 'orders:changed') refresh();
    });
  }, [refresh]);

  const selectTab = useCallback((next: Tab) => {
    setTab(next);
    setSelectionState(new Set());
  }, []);

  const toggle = useCallback((id: number) => {
    setSelectionState((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  const setSelection = useCallback((ids: Iterable<number>) => setSelectionState(new Set(ids)), []);

  return { tab, selectTab, counts, masters, selection, setSelection, toggle, refresh, revision };
}
