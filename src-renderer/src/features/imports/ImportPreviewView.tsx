import type { ImportPreview } from '../../../../src-shared/api/imports.js';
import { ImportNewOrders, ImportRejectedRows, ImportUpdatedOrders } from './ImportPreviewTables.js';

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
      {preview.rejected.length > 0 ? <ImportRejectedRows rejected={preview.rejected} /> : null}
      {preview.updates.length > 0 ? <ImportUpdatedOrders updates={preview.updates} /> : null}
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
      {preview.newOrders.length > 0 ? <ImportNewOrders newOrders={preview.newOrders} total={counts.new} /> : null}
    </div>
  );
}
