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
  const [selection, setSelection] = useState<ReadonlySet<number>>(new Set());
  const [revision, setRevision] = useState(0);

  const reloadCounts = useCallback(() => {
    invoke('orders:counts', {}).then(setCounts, (e: Error) => onError(e.message));
  }, [onError]);

  useEffect(() => {
    reloadCounts();
    invoke('masters:get', {}).then(setMasters, (e: Error) => onError(e.message));
    return onAppEvent((event) => {
      if (event.type === 'orders:changed') {
        reloadCounts();
        setRevision((r) => r + 1);
      }
    });
  }, [reloadCounts, onError]);

  const selectTab = useCallback((next: Tab) => {
    setTab(next);
    setSelection(new Set());
  }, []);

  const toggle = useCallback((id: number) => {
    setSelection((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  const selectAll = useCallback(async () => {
    const ids = await invoke('orders:ids', { tab });
    setSelection(new Set(ids));
  }, [tab]);

  const clearSelection = useCallback(() => setSelection(new Set()), []);

  return { tab, selectTab, counts, reloadCounts, masters, selection, toggle, selectAll, clearSelection, revision };
}
