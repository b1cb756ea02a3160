import type { StockCheckResult } from '../../../../src-shared/api/stock.js';
import { invoke } from '../../api/client.js';
import { OperationDialog, useBulkSubmit } from '../operations/OperationDialog.js';
import { RefusedTable, summaryOf } from '../operations/ResultDialog.js';

/**
 * 欠品登録 after F11 (S15): what the stock check could not cover, line by line (needed /
 * available), and the one button that registers them all → 欠品あり.
 */
export function ShortageDialog({ check }: { check: StockCheckResult }) {
  const { error, busy, submit } = useBulkSubmit('欠品登録');
  const orderIds = check.shortages.map((s) => s.orderId);
  return (
    <OperationDialog
      title="欠品登録"
      submitLabel="欠品登録する"
      wide
      autoFocusSubmit
      busy={busy}
      error={error}
      onSubmit={() =>
        void submit(async () => {
          const registered = await invoke('stock:registerShortage', { orderIds });
          // The stock check's refusals stay in the final report (and checked).
          return { applied: registered.applied, refused: [...registered.refused, ...check.refused] };
        })
      }
    >
      <p role="status">
        在庫確認: {summaryOf({ applied: check.applied, refused: [] }, '処理')}。
        {check.shortages.length.toLocaleString('ja-JP')}
        件は在庫が足りません。欠品登録すると「欠品あり」になります。
      </p>
      <table className="items" aria-label="欠品">
        <thead>
          <tr>
            <th>注文番号</th>
            <th>購入者</th>
            <th>SKU</th>
            <th>商品名</th>
            <th>必要数</th>
            <th>在庫数</th>
          </tr>
        </thead>
        <tbody>
          {check.shortages.flatMap((s) =>
            s.lines.map((line, i) => (
              <tr key={`${s.orderId}-${line.sku}`}>
                <td>
                  {i === 0 ? s.orderNo : ''}
                  {i === 0 && s.bundledWith.length ? (
                    <div className="form-hint">同梱: {s.bundledWith.join('、')}（一緒に欠品ありになります）</div>
                  ) : null}
                </td>
                <td>{i === 0 ? s.buyerName : ''}</td>
                <td>{line.sku}</td>
                <td>{line.title}</td>
                <td className="num">{line.needed}</td>
                <td className="num short">{line.available}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      {check.refused.length > 0 ? (
        <>
          <h3>在庫確認できなかった注文</h3>
          <RefusedTable refused={check.refused} />
        </>
      ) : null}
    </OperationDialog>
  );
}
