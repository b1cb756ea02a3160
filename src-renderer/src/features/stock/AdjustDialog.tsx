import { useState, type FormEvent } from 'react';
import type { StockRow } from '../../../../src-shared/api/stock.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { FormError } from '../../components/FormError.js';
import { CoveredOrdersDialog } from './CoveredOrdersDialog.js';
import { useStockScreen } from './stock-context.js';

/** 手動調整: a row's 在庫数 and 棚番, with the reason the ledger keeps. */
export function AdjustDialog({ row, onDone }: { row: StockRow; onDone(row: StockRow): void }) {
  const stock = useStockScreen();
  const [onHand, setOnHand] = useState(String(row.onHand));
  const [location, setLocation] = useState(row.location);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const count = Number(onHand.normalize('NFKC').replace(/[,\s]/g, ''));
    if (onHand.trim() === '' || !Number.isInteger(count) || count < 0) {
      setError('在庫数は0以上の整数で入力してください。');
      return;
    }
    setBusy(true);
    invoke('stock:adjust', { sku: row.sku, storeId: row.storeId, onHand: count, location, reason }).then(
      (result) => {
        onDone(result.row);
        stock.notify(`${row.sku} の在庫を調整しました（在庫数 ${row.onHand} → ${result.row.onHand}）。`);
        stock.changed();
        if (result.offer.orderIds.length > 0) stock.open(<CoveredOrdersDialog offer={result.offer} />);
        else stock.close();
      },
      (err: Error) => {
        setError(err.message);
        setBusy(false);
      },
    );
  };

  return (
    <Dialog
      title={`在庫の調整 ${row.sku}`}
      onClose={stock.close}
      footer={
        <>
          <button type="submit" form="stock-adjust" disabled={busy}>
            調整する
          </button>
          <button type="button" onClick={stock.close}>
            戻る
          </button>
        </>
      }
    >
      <form id="stock-adjust" className="form" onSubmit={submit}>
        <p>
          {row.title}（{stock.storeNames.get(row.storeId) ?? row.storeId}）　引当数{' '}
          {row.reserved.toLocaleString('ja-JP')}
        </p>
        <label>
          在庫数
          <input inputMode="numeric" value={onHand} autoFocus onChange={(e) => setOnHand(e.target.value)} />
        </label>
        <label>
          棚番
          <input value={location} maxLength={100} onChange={(e) => setLocation(e.target.value)} />
        </label>
        <label>
          理由（必須）
          <input
            value={reason}
            maxLength={500}
            placeholder="例: 棚卸差異、破損、返品受入"
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <FormError message={error} />
      </form>
    </Dialog>
  );
}
