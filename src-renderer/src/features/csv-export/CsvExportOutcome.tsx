import type { CsvExportResult } from '../../../../src-shared/api/csv-export.js';
import { CSV_ENCODING_LABELS } from '../../../../src-shared/api/files.js';

/** The file CSV出力 made, and each character Shift_JIS could not hold (written as 〓). */
export function CsvExportOutcome({ result }: { result: CsvExportResult }) {
  return (
    <div role="status" className="csv-result">
      <p>
        {result.rows.toLocaleString('ja-JP')}件を「{result.file.fileName}」に出力しました（
        {CSV_ENCODING_LABELS[result.encoding]}）。
      </p>
      {result.unencodableTotal > 0 ? (
        <>
          <p className="form-error">
            Shift_JIS で表せない文字が {result.unencodableTotal.toLocaleString('ja-JP')}
            か所あり、「〓」に置き換えました。元の文字のまま出すには文字コードを UTF-8（BOM付き）にしてください。
          </p>
          <table className="history" aria-label="Shift_JIS で表せない文字">
            <thead>
              <tr>
                <th className="num">行</th>
                <th>注文番号</th>
                <th>項目</th>
                <th>文字</th>
              </tr>
            </thead>
            <tbody>
              {result.unencodable.map((u) => (
                <tr key={`${u.line}:${u.column}`}>
                  <td className="num">{u.line}</td>
                  <td>{u.orderNo}</td>
                  <td>{u.column}</td>
                  <td>{u.chars.join(' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
