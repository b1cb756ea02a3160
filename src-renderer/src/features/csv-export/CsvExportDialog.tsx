import { EXPORT_COLUMNS } from '../../../../src-shared/api/csv-export.js';
import { CSV_ENCODING_LABELS, CSV_ENCODINGS, type CsvEncodingSetting } from '../../../../src-shared/api/files.js';
import { Dialog } from '../../components/Dialog.js';
import { useScreen } from '../../screen/screen-context.js';
import { FormError } from '../../components/FormError.js';
import { CsvExportOutcome } from './CsvExportOutcome.js';
import { CsvScopeFields } from './CsvScopeFields.js';
import { useCsvExport } from './useCsvExport.js';

/**
 * E9 CSV出力: the listed orders (or only the checked ones) with the chosen columns, in the
 * encoding of the settings (changeable here). Characters Shift_JIS cannot hold are listed.
 */
export function CsvExportDialog() {
  const screen = useScreen();
  const { columns, toggle, scope, setScope, encoding, setEncoding, result, busy, error, run } = useCsvExport();
  return (
    <Dialog title="CSV出力" onClose={screen.closeDialog} wide>
      <div className="form">
        <CsvScopeFields scope={scope} onChange={setScope} />
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
        {result ? <CsvExportOutcome result={result} /> : null}
        <FormError message={error} />
      </div>
    </Dialog>
  );
}
