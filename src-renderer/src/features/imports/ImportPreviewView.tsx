import type { ImportPreview } from '../../../../src-shared/api/imports.js';
import { formatAmount } from '../../../../src-shared/domain/money.js';

/** What an import would do: counts, then the rejected rows (line and reason), updates, new orders. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const { counts } = preview;
  return (
    <div className="import-preview">
      <p className="form-hint">
        {preview.layout}　
        {preview.files.map((f) => `${f.name}（${f.encoding}・${f.rows.toLocaleString('ja-JP')}行）`).join('、')}
      </p>
      <p className="result-summary" role="status" aria-label="取込の内容">
        新規 {counts.new.toLocaleString('ja-JP')}件・更新 {counts.updated.toLocaleString('ja-JP')}件・変更なし{' '}
        {counts.unchanged.toLocaleString('ja-JP')}件・エラー {counts.rejected.toLocaleString('ja-JP')}件
      </p>
      {preview.rejected.length > 0 ? (
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
              {preview.rejected.map((r) => (
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
      ) : null}
      {preview.updates.length > 0 ? (
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
              {preview.updates.map((u) => (
                <tr key={u.orderNo}>
                  <td>{u.orderNo}</td>
                  <td>{u.changed.join('、')}</td>
                  <td>{u.kept.join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {preview.unchanged.length > 0 ? (
        <details>
          <summary>取込済みで変更のない注文（{counts.unchanged.toLocaleString('ja-JP')}件）</summary>
          <ul>
            {preview.unchanged.map((u) => (
              <li key={u.orderNo}>
                {u.orderNo}: {u.note}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {preview.newOrders.length > 0 ? (
        <>
          <h3>新規の注文{counts.new > preview.newOrders.length ? `（先頭 ${preview.newOrders.length}件）` : ''}</h3>
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
              {preview.newOrders.map((o) => (
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
      ) : null}
    </div>
  );
}
