import { STOCK_IMPORT_MODE_LABELS, type StockImportPreview } from '../../../../src-shared/api/stock-import.js';
import { useStockScreen } from './stock-context.js';

const n = (value: number) => value.toLocaleString('ja-JP');

/** What an import would do: counts, new and changed lines (before → after), refused lines with their line numbers. */
export function StockImportPreviewView({ preview }: { preview: StockImportPreview }) {
  const { storeNames } = useStockScreen();
  const { counts } = preview;
  return (
    <div className="import-preview">
      <p role="status">
        「{preview.fileName}」（{preview.encoding}・{preview.layout}・{n(preview.rows)}行）を
        {STOCK_IMPORT_MODE_LABELS[preview.mode]}で取り込むと: 新しい商品 {n(counts.new)}件・変更 {n(counts.changed)}
        件・変更なし {n(counts.unchanged)}件・誤りのある行 {n(counts.bad)}件
      </p>
      {preview.bad.length > 0 ? (
        <>
          <h3>誤りのある行</h3>
          <table className="items" aria-label="誤りのある行">
            <thead>
              <tr>
                <th>行</th>
                <th>商品コード</th>
                <th>理由</th>
              </tr>
            </thead>
            <tbody>
              {preview.bad.map((b) => (
                <tr key={b.line}>
                  <td className="num">{b.line}</td>
                  <td>{b.sku}</td>
                  <td>{b.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {preview.lines.length > 0 ? (
        <>
          <h3>
            取り込む行
            {counts.new + counts.changed > preview.lines.length ? `（最初の${n(preview.lines.length)}行）` : ''}
          </h3>
          <table className="items" aria-label="取り込む行">
            <thead>
              <tr>
                <th>行</th>
                <th>店舗</th>
                <th>商品コード</th>
                <th>区分</th>
                <th>在庫数</th>
                <th>棚番</th>
              </tr>
            </thead>
            <tbody>
              {preview.lines.map((l) => (
                <tr key={l.line}>
                  <td className="num">{l.line}</td>
                  <td>{storeNames.get(l.storeId) ?? l.storeId}</td>
                  <td>{l.sku}</td>
                  <td>{l.kind === 'new' ? '新規' : '変更'}</td>
                  <td className="num">
                    {l.onHandBefore === null ? n(l.onHandAfter) : `${n(l.onHandBefore)} → ${n(l.onHandAfter)}`}
                  </td>
                  <td>
                    {l.locationBefore === null || l.locationBefore === l.locationAfter
                      ? l.locationAfter
                      : `${l.locationBefore || '未設定'} → ${l.locationAfter}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
