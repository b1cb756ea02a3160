import type { ImportPreview } from '../../../../src-shared/api/imports.js';
import { formatAmount } from '../../../../src-shared/domain/money.js';

/** 取り込めない行: each rejected line with its file, line number, order number and reason. */
export function ImportRejectedRows({ rejected }: Pick<ImportPreview, 'rejected'>) {
  return (
    <>
      <h3>取り込めない行（エラー）</h3>
      <p className="form-hint">これらの注文は取り込みません。ファイルを直して、もう一度取り込んでください。</p>
      <table className="history import-rejected" aria-label="エラーの行">
        <thead>
          <tr>
            <th>ファイル</th>
            <th className="num">行</th>
            <th>注文番号</th>
            <th>理由</th>
          </tr>
        </thead>
        <tbody>
          {rejected.map((r) => (
            <tr key={`${r.file}:${r.line}:${r.orderNo}`}>
              <td>{r.file}</td>
              <td className="num">{r.line}</td>
              <td>{r.orderNo}</td>
              <td>{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** 取込済みの注文: the orders the import updates, with the fields it changes and those it keeps. */
export function ImportUpdatedOrders({ updates }: Pick<ImportPreview, 'updates'>) {
  return (
    <>
      <h3>取込済みの注文（更新する項目）</h3>
      <table className="history" aria-label="更新する注文">
        <thead>
          <tr>
            <th>注文番号</th>
            <th>更新する項目</th>
            <th>更新しない項目</th>
          </tr>
        </thead>
        <tbody>
          {updates.map((u) => (
            <tr key={u.orderNo}>
              <td>{u.orderNo}</td>
              <td>{u.changed.join('、')}</td>
              <td>{u.kept.join('、')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** 新規の注文: the first new orders (buyer, lines, total), and how many are shown when not all. */
export function ImportNewOrders({ newOrders, total }: Pick<ImportPreview, 'newOrders'> & { total: number }) {
  return (
    <>
      <h3>新規の注文{total > newOrders.length ? `（先頭 ${newOrders.length}件）` : ''}</h3>
      <table className="history" aria-label="新規の注文">
        <thead>
          <tr>
            <th>注文番号</th>
            <th>購入者</th>
            <th className="num">明細</th>
            <th className="num">合計</th>
          </tr>
        </thead>
        <tbody>
          {newOrders.map((o) => (
            <tr key={o.orderNo}>
              <td>{o.orderNo}</td>
              <td>{o.buyerName}</td>
              <td className="num">{o.items}</td>
              <td className="num">{formatAmount(o.total, o.amountsUnknown)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
