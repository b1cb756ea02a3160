import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { StockListQuery, StockRow } from '../../../../src-shared/api/stock.js';
import { invoke, onAppEvent } from '../../api/client.js';
import { useScreen } from '../../screen/screen-context.js';
import { coalesced } from '../../state/coalesced.js';
import { saveDownload } from '../files/transfer.js';
import { CoveredOrdersDialog } from './CoveredOrdersDialog.js';
import type { StockGridHandle } from './StockGrid.js';
import type { StockScreenContext } from './stock-context.js';

/** Events this close together are answered by one reload of the list. */
const RELOAD_COALESCE_MS = 50;

/**
 * 在庫一覧's state: this PC's store (null at the head office), the filter (applied shortly after
 * typing stops) and store, the chosen row, the line under the list, the dialog open over the
 * list (`inner`, with the context its dialogs use), CSV出力 and 引当できる欠品あり注文. The list
 * reads again on every stock or order change.
 */
export function useStockList() {
  const screen = useScreen();
  const grid = useRef<StockGridHandle>(null);
  const [ownStore, setOwnStore] = useState<string | null | undefined>(undefined);
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState<StockListQuery>({ filter: '' });
  const [total, setTotal] = useState<number | null>(null);
  const [chosen, setChosen] = useState<StockRow | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const [inner, setInner] = useState<ReactNode>(null);
  const opener = useRef<Element | null>(null);
  const filterInput = useRef<HTMLInputElement>(null);
  const chained = useRef(false);
  const [revision, setRevision] = useState(0);
  const storeNames = useMemo(() => new Map(screen.masters.stores.map((s) => [s.id, s.name])), [screen.masters]);

  useEffect(() => {
    invoke('app:info', {}).then(
      (info) => setOwnStore(info.storeId),
      (e: Error) => setMessage({ kind: 'error', text: e.message }),
    );
  }, []);

  // The filter applies shortly after typing stops, not at every key.
  useEffect(() => {
    const timer = setTimeout(
      () => setQuery((q) => (q.filter === typed.trim() ? q : { ...q, filter: typed.trim() })),
      200,
    );
    return () => clearTimeout(timer);
  }, [typed]);

  const reload = useCallback(() => {
    grid.current?.refresh();
    setRevision((r) => r + 1);
  }, []);
  // A sync or an order write that moves stock sends both events (and a reconnected event
  // stream sends both): one reload, a moment after the first, answers them together.
  useEffect(() => {
    const reloadSoon = coalesced(reload, RELOAD_COALESCE_MS);
    const unsubscribe = onAppEvent((event) => {
      if (event.type === 'stock:changed' || event.type === 'orders:changed') reloadSoon.trigger();
    });
    return () => {
      unsubscribe();
      reloadSoon.cancel();
    };
  }, [reload]);

  const context = useMemo<StockScreenContext>(
    () => ({
      storeNames,
      notify: (text) => setMessage({ kind: 'done', text }),
      open: (node) => {
        // One dialog leading to the next (取込 → 欠品あり注文) returns to where the first was opened from.
        if (!chained.current) opener.current = document.activeElement;
        chained.current = true;
        setInner(node);
      },
      close: () => {
        chained.current = false;
        setInner(null);
        // Back where the dialog was opened from, else to the filter.
        const back = opener.current;
        if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus();
        else filterInput.current?.focus();
      },
      // The order list refreshes on the change event the write sends.
      changed: reload,
    }),
    [storeNames, reload, screen],
  );

  const exportCsv = () =>
    invoke('stock:export', query).then(
      (out) => {
        saveDownload(out.file);
        setMessage({
          kind: 'done',
          text: `${out.rows.toLocaleString('ja-JP')}件を CSV に出力しました。${out.unencodable ? `Shift_JIS にない文字を含む項目が${out.unencodable}件あり、〓に置き換えました。` : ''}`,
        });
      },
      (e: Error) => setMessage({ kind: 'error', text: e.message }),
    );

  const showCovered = () =>
    invoke('stock:covered', { storeId: query.storeId }).then(
      (offer) => context.open(<CoveredOrdersDialog offer={offer} />),
      (e: Error) => setMessage({ kind: 'error', text: e.message }),
    );

  return {
    grid,
    filterInput,
    ownStore,
    storeNames,
    typed,
    setTyped,
    query,
    setQuery,
    total,
    setTotal,
    chosen,
    setChosen,
    revision,
    message,
    setMessage,
    inner,
    context,
    exportCsv,
    showCovered,
  };
}
