import { useEffect, useState } from 'react';
import { STOCK_MOVE_LABELS, type StockLedgerEntry, type StockRow } from '../../../../src-shared/api/stock.js';
import { invoke } from '../../api/client.js';
import { FormError } from '../../components/FormError.js';
import { formatJst } from '../../format.js';
import { useStockScreen } from './stock-context.js';

const n = (value: number) => value.toLocaleString('ja-JP');
const moved = (before: number, after: number) => (before === after ? n(after) : `${n(before)} → ${n(after)}`);

interface Props {
  row: StockRow;
  /** Moves whenever stock or orders changed: the ledger is read again. */
  revision: number;
  onAdjust(row: StockRow): void;
}

/** A SKU's stock ledger (在庫履歴), newest first, and the way to 手動調整. */
export function StockLedgerPanel({ row, revision, onAdjust }: Props) {
  const { storeNames } = useStockScreen();
  const [entries, setEntries] = useState<StockLedgerEntry[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    invoke('stock:ledger', { sku: row.sku, storeId: row.storeId }).then(setEntries, (e: Error) => setError(e.message));
  }, [row.sku, row.storeId, revision]);
  const latest = entries?.[0];
  return (
    <section className="stock-ledger" aria-label={`在庫履歴 ${row.sku}`}>
      <header>
        <h3>
          {row.sku} {row.title}
        </h3>
        <p>
          {storeNames.get(row.storeId) ?? row.storeId}　棚番 {row.location || '未設定'}
          {latest ? `　在庫数 ${n(latest.onHandAfter)}・引当数 ${n(latest.reservedAfter)}` : ''}
        </p>
        <button type="button" onClick={() => onAdjust(row)}>
          調整
        </button>
      </header>
      <FormError message={error} />
      <table className="items" aria-label="在庫履歴">
        <thead>
          <tr>
            <th>日時</th>
            <th>区分</th>
            <th>在庫数</th>
            <th>引当数</th>
            <th>注文番号</th>
            <th>担当・PC</th>
            <th>理由</th>
          </tr>
        </thead>
        <tbody>
          {(entries ?? []).map((e) => (
            <tr key={e.id}>
              <td>{formatJst(e.at)}</td>
              <td>{STOCK_MOVE_LABELS[e.kind]}</td>
              <td className="num">{moved(e.onHandBefore, e.onHandAfter)}</td>
              <td className="num">{moved(e.reservedBefore, e.reservedAfter)}</td>
              <td>{e.orderNo ?? ''}</td>
              <td>
                {e.operator}
                {e.pcId ? `（${e.pcId}）` : ''}
              </td>
              <td>{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries && entries.length === 0 ? <p>この商品の在庫の動きはまだ記録されていません。</p> : null}
    </section>
  );
}
