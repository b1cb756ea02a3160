import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Masters } from '../../../src-shared/api/app.js';
import type { ReminderDays } from '../../../src-shared/api/mail.js';
import type { TabCounts } from '../../../src-shared/api/orders.js';
import type { Tab } from '../../../src-shared/domain/status.js';
import { invoke, onAppEvent } from '../api/client.js';
import type { ListView } from '../screen/screen-context.js';
import { queryOf } from './list-view.js';

/**
 * The list screen's state: what is listed (a tab, a search result or an extraction), live
 * tab counts, the list's total, masters and the checked order ids.
 */
export function useOrderList(onError: (message: string) => void) {
  const [view, setView] = useState<ListView>({ kind: 'tab', tab: 'new' });
  const [tab, setTab] = useState<Tab>('new');
  const [counts, setCounts] = useState<TabCounts | null>(null);
  const [masters, setMasters] = useState<Masters | null>(null);
  const [selection, setSelectionState] = useState<ReadonlySet<number>>(new Set());
  const [listTotal, setListTotal] = useState<number | null>(null);
  const [revision, setRevision] = useState(0);
  // 催促メール期限管理, for the reasons 催促対象 shows (read again with every refresh).
  const [reminderDays, setReminderDays] = useState<ReminderDays | null>(null);

  const loadMasters = useCallback(() => {
    invoke('app:masters', {}).then(setMasters, (e: Error) => onError(e.message));
  }, [onError]);

  // One refresh at a time: events arriving while one runs are answered by one more, after it.
  const refreshing = useRef<{ again: boolean } | null>(null);
  const refresh = useCallback(() => {
    if (refreshing.current) {
      refreshing.current.again = true;
      return;
    }
    const run = { again: false };
    refreshing.current = run;
    setRevision((r) => r + 1);
    const reads = [
      invoke('orders:counts', {}).then(setCounts),
      invoke('mail:reminderDays', {}).then(setReminderDays),
      invoke('app:masters', {}).then(setMasters),
    ].map((read) => read.catch((e: Error) => onError(e.message)));
    void Promise.all(reads).then(() => {
      refreshing.current = null;
      if (run.again) refresh();
    });
  }, [onError]);

  useEffect(() => {
    refresh();
    return onAppEvent((event) => {
      if (event.type === 'orders:changed') refresh();
      if (event.type === 'masters:changed') loadMasters();
      if (event.type === 'services:stopped') onError(event.message);
      if (event.type === 'services:restarted') {
        onError(event.message);
        refresh();
      }
    });
  }, [refresh, loadMasters, onError]);

  /** Another list: the selection belonged to the old one, so it is cleared. */
  const showList = useCallback((next: ListView) => {
    setView(next);
    if (next.kind === 'tab') setTab(next.tab);
    setSelectionState(new Set());
    setListTotal(null);
  }, []);

  const selectTab = useCallback((next: Tab) => showList({ kind: 'tab', tab: next }), [showList]);

  const toggle = useCallback((id: number) => {
    setSelectionState((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  const check = useCallback((ids: number[]) => {
    setSelectionState((current) => {
      if (ids.every((id) => current.has(id))) return current;
      return new Set([...current, ...ids]);
    });
  }, []);

  const setSelection = useCallback((ids: Iterable<number>) => setSelectionState(new Set(ids)), []);
  const query = useMemo(() => queryOf(view), [view]);

  return {
    view,
    query,
    showList,
    tab,
    selectTab,
    counts,
    masters,
    selection,
    setSelection,
    toggle,
    check,
    listTotal,
    setListTotal,
    refresh,
    revision,
    reminderDays,
  };
}
