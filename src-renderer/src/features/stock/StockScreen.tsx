import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { StockListQuery, StockRow } from '../../../../src-shared/api/stock.js';
import { invoke, onAppEvent } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { FormError } from '../../components/FormError.js';
import { useScreen } from '../../screen/screen-context.js';
import { saveDownload } from '../files/transfer.js';
import { AdjustDialog } from './AdjustDialog.js';
import { CoveredOrdersDialog } from './CoveredOrdersDialog.js';
import { StockGrid, type StockGridHandle } from './StockGrid.js';
import { StockImportDialog } from './StockImportDialog.js';
import { StockLedgerPanel } from './StockLedgerPanel.js';
import { StockContext, type StockScreenContext } from './stock-context.js';

/**
 * 在庫一覧 (N1): every SKU of the store (head office: of every store) with 在庫数, 引当数
 * and 有効在庫; filter, sort, CSV; a row's ledger and 手動調整; 在庫データ取込; and the
 * 欠品あり orders the stock now covers, released with one F11.
 */
export function StockScreen() {
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
  useEffect(
    () =>
      onAppEvent((event) => {
        if (event.type === 'stock:changed' || event.type === 'orders:changed') reload();
      }),
    [reload],
  );

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

  if (ownStore === undefined) return null;
  const headOffice = ownStore === null;
  return (
    <StockContext.Provider value={context}>
      <Dialog title="在庫一覧" onClose={screen.closeDialog} wide>
        <div className="stock-toolbar">
          <label>
            絞り込み
            <input
              ref={filterInput}
              type="search"
              value={typed}
              autoFocus
              placeholder="商品コード・JAN・商品名・棚番"
              onChange={(e) => setTyped(e.target.value)}
              onKeyDown={(e) => e.key === 'Enter' && grid.current?.focusFirstRow()}
            />
          </label>
          {headOffice ? (
            <label>
              店舗
              <select
                value={query.storeId ?? ''}
                onChange={(e) => setQuery({ ...query, storeId: e.target.value || undefined })}
              >
                <option value="">すべての店舗</option>
                {screen.masters.stores.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <span>店舗: {storeNames.get(ownStore) ?? ownStore}</span>
          )}
          <span aria-live="polite">{total === null ? '' : `${total.toLocaleString('ja-JP')}件`}</span>
          <button
            type="button"
            onClick={() => context.open(<StockImportDialog ownStore={ownStore} initialStore={query.storeId} />)}
          >
            在庫データ取込
          </button>
          <button type="button" onClick={() => void exportCsv()}>
            CSV出力
          </button>
          <button type="button" onClick={() => void showCovered()}>
            引当できる欠品あり注文
          </button>
        </div>
        <div className="stock-body">
          <StockGrid
            ref={grid}
            query={query}
            showStore={headOffice}
            storeNames={storeNames}
            onRowChosen={setChosen}
            onTotal={setTotal}
            onError={(text) => setMessage({ kind: 'error', text })}
          />
          {chosen ? (
            <StockLedgerPanel
              row={chosen}
              revision={revision}
              onAdjust={(row) => context.open(<AdjustDialog row={row} onDone={setChosen} />)}
            />
          ) : null}
        </div>
        {message?.kind === 'done' ? (
          <p role="status" className="form-hint">
            {message.text}
          </p>
        ) : (
          <FormError message={message?.text} />
        )}
        {inner}
      </Dialog>
    </StockContext.Provider>
  );
}
