import { Dialog } from '../../components/Dialog.js';
import { FormError } from '../../components/FormError.js';
import { useScreen } from '../../screen/screen-context.js';
import { AdjustDialog } from './AdjustDialog.js';
import { StockGrid } from './StockGrid.js';
import { StockImportDialog } from './StockImportDialog.js';
import { StockLedgerPanel } from './StockLedgerPanel.js';
import { StockToolbar } from './StockToolbar.js';
import { StockContext } from './stock-context.js';
import { useStockList } from './useStockList.js';

/**
 * 在庫一覧 (N1): every SKU of the store (head office: of every store) with 在庫数, 引当数
 * and 有効在庫; filter, sort, CSV; a row's ledger and 手動調整; 在庫データ取込; and the
 * 欠品あり orders the stock now covers, released with one F11.
 */
export function StockScreen() {
  const screen = useScreen();
  const { grid, ownStore, storeNames, query, setQuery, chosen, setChosen, message, setMessage, context, ...list } =
    useStockList();
  if (ownStore === undefined) return null;
  const headOffice = ownStore === null;
  return (
    <StockContext.Provider value={context}>
      <Dialog title="在庫一覧" onClose={screen.closeDialog} wide>
        <StockToolbar
          filterInput={list.filterInput}
          typed={list.typed}
          onType={list.setTyped}
          onFilterEnter={() => grid.current?.focusFirstRow()}
          ownStore={ownStore}
          ownStoreName={headOffice ? '' : (storeNames.get(ownStore) ?? ownStore)}
          storeId={query.storeId}
          onStore={(storeId) => setQuery({ ...query, storeId })}
          total={list.total}
          onImport={() => context.open(<StockImportDialog ownStore={ownStore} initialStore={query.storeId} />)}
          onExport={() => void list.exportCsv()}
          onCovered={() => void list.showCovered()}
        />
        <div className="stock-body">
          <StockGrid
            ref={grid}
            query={query}
            showStore={headOffice}
            storeNames={storeNames}
            onRowChosen={setChosen}
            onTotal={list.setTotal}
            onError={(text) => setMessage({ kind: 'error', text })}
          />
          {chosen ? (
            <StockLedgerPanel
              row={chosen}
              revision={list.revision}
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
        {list.inner}
      </Dialog>
    </StockContext.Provider>
  );
}
