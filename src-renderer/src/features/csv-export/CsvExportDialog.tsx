import { useEffect, useState } from 'react';
import {
  DEFAULT_EXPORT_COLUMNS,
  EXPORT_COLUMNS,
  type CsvExportResult,
  type ExportColumn,
} from '../../../../src-shared/api/csv-export.js';
import { CSV_ENCODING_LABELS, CSV_ENCODINGS, type CsvEncodingSetting } from '../../../../src-shared/api/files.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { useScreen } from '../../screen/screen-context.js';
import { saveDownload } from '../files/transfer.js';
import { useTask } from '../files/use-task.js';
import { FormError } from '../../components/FormError.js';

/**
 * E9 CSV出力: the listed orders (or only the checked ones) with the chosen columns, in the
 * encoding of the settings (changeable here). Characters Shift_JIS cannot hold are listed.
 */
export function CsvExportDialog() {
  const screen = useScreen();
  const [columns, setColumns] = useState<ExportColumn[]>(DEFAULT_EXPORT_COLUMNS);
  const [scope, setScope] = useState<'list' | 'checked'>('list');
  const [encoding, setEncoding] = useState<CsvEncodingSetting | null>(null);
  const [result, setResult] = useState<CsvExportResult | null>(null);
  const { busy, error, setError, run: task } = useTask();
  useEffect(() => {
    invoke('printing:settings', {}).then(
      (s) => setEncoding(s.csvEncoding),
      (e: Error) => setError(e.message),
    );
  }, []);

  const toggle = (column: ExportColumn) =>
    setColumns((current) =>
      current.includes(column)
        ? current.filter((c) => c !== column)
        : EXPORT_COLUMNS.map(([id]) => id).filter((id) => id === column || current.includes(id)),
    );

  const run = () =>
    task(async () => {
      setResult(null);
      const out = await invoke('csvExport:run', {
        ...screen.list,
        orderIds: scope === 'checked' ? [...screen.selection] : undefined,
        columns,
        encoding: encoding ?? undefined,
      });
      saveDownload(out.file);
      setResult(out);
    });

  return (
    <Dialog title="CSV出力" onClose={screen.closeDialog} wide>
      <div className="form">
        <fieldset className="form-group">
          <legend>出力する注文</legend>
          <label className="radio">
            <input type="radio" name="csv-scope" checked={scope === 'list'} onChange={() => setScope('list')} />
            一覧の注文すべて{screen.listTotal !== null ? `（${screen.listTotal.toLocaleString('ja-JP')}件）` : ''}
          </label>
          <label className="radio">
            <input
              type="radio"
              name="csv-scope"
              checked={scope === 'checked'}
              disabled={screen.selection.size === 0}
              onChange={() => setScope('checked')}
            />
            チェックした注文（{screen.selection.size.toLocaleString('ja-JP')}件）
          </label>
        </fieldset>
        <fieldset className="form-group csv-columns">
          <legend>出力する項目</legend>
          {EXPORT_COLUMNS.map(([id, label]) => (
            <label key={id} className="check">
              <input type="checkbox" checked={columns.includes(id)} onChange={() => toggle(id)} />
              {label}
            </label>
          ))}
        </fieldset>
        <label>
          文字コード
          <select value={encoding ?? ''} onChange={(e) => setEncoding(e.target.value as CsvEncodingSetting)}>
            {CSV_ENCODINGS.map((enc) => (
              <option key={enc} value={enc}>
                {CSV_ENCODING_LABELS[enc]}
              </option>
            ))}
          </select>
        </label>
        <div className="form-actions">
          <button type="button" disabled={busy || columns.length === 0 || encoding === null} onClick={() => void run()}>
            出力
          </button>
        </div>
        {busy ? <p role="status">CSV を作成しています…</p> : null}
        {result ? (
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
        ) : null}
        <FormError message={error} />
      </div>
    </Dialog>
  );
}
