import { useState } from 'react';
import type { CoveredOffer } from '../../../../src-shared/api/stock-import.js';
import type { StockCheckResult } from '../../../../src-shared/api/stock.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { FormError } from '../../components/FormError.js';
import { formatJst } from '../../format.js';
import { useStockScreen } from './stock-context.js';

function summary(result: StockCheckResult): string {
  const left = result.shortages.length + result.refused.length;
  return `在庫確認: ${result.applied.toLocaleString('ja-JP')}件の在庫を引き当てました。${left ? `${left.toLocaleString('ja-JP')}件は引き当てられませんでした（在庫がほかで使われたか、注文が変わりました）。` : ''}`;
}

/**
 * Receiving releases shortages: the 欠品あり orders the stock now covers, oldest first;
 * one button runs F11 在庫確認 on all of them (the same engine and rules as the F11 key).
 */
export function CoveredOrdersDialog({ offer }: { offer: CoveredOffer }) {
  const stock = useStockScreen();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const total = offer.orderIds.length;

  const run = () => {
    setBusy(true);
    invoke('stock:check', { orderIds: offer.orderIds }).then(
      (result) => {
        stock.notify(summary(result));
        stock.changed();
        stock.close();
      },
      (e: Error) => {
        setError(e.message);
        setBusy(false);
      },
    );
  };

  return (
    <Dialog
      title="引当できる欠品あり注文"
      onClose={stock.close}
      wide
      footer={
        <>
          {total > 0 ? (
            <button type="button" onClick={run} disabled={busy} autoFocus>
              {total.toLocaleString('ja-JP')}件を在庫確認（F11）する
            </button>
          ) : null}
          <button type="button" onClick={stock.close} autoFocus={total === 0}>
            戻る
          </button>
        </>
      }
    >
      {total === 0 ? (
        <p role="status">いまの在庫で引当できる欠品ありの注文はありません。</p>
      ) : (
        <>
          <p role="status">
            欠品ありの注文のうち{total.toLocaleString('ja-JP')}件は、いまの在庫で引当できます（注文日の古い順）。
            {total > offer.orders.length ? `最初の${offer.orders.length}件を表示しています。` : ''}
          </p>
          <table className="items" aria-label="引当できる欠品あり注文">
            <thead>
              <tr>
                <th>注文番号</th>
                <th>注文日時</th>
                <th>購入者</th>
                <th>店舗</th>
              </tr>
            </thead>
            <tbody>
              {offer.orders.map((o) => (
                <tr key={o.orderId}>
                  <td>
                    {o.orderNo}
                    {o.bundledWith.length ? <div className="form-hint">同梱: {o.bundledWith.join('、')}</div> : null}
                  </td>
                  <td>{formatJst(o.orderedAt)}</td>
                  <td>{o.buyerName}</td>
                  <td>{stock.storeNames.get(o.storeId) ?? o.storeId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <FormError message={error} />
    </Dialog>
  );
}
