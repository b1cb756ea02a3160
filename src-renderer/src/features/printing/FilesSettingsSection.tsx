import { CSV_ENCODING_LABELS, CSV_ENCODINGS, type FileSettings } from '../../../../src-shared/api/files.js';
import type { CarrierSettings } from '../../../../src-shared/api/carriers.js';
import { FormError } from '../../components/FormError.js';
import { CarrierCodesFields } from './CarrierCodesFields.js';
import { DocumentOutputFields } from './DocumentOutputFields.js';
import { PrinterField } from './PrinterField.js';
import { useFilesSettingsForm } from './useFilesSettingsForm.js';

/**
 * 印刷・CSV: the printer (from the OS's list), 納品書 prices, CSV encoding, PDF folder, carrier
 * codes. Closing 設定 with edits not yet saved asks 「変更を保存しますか」.
 */
export function FilesSettingsSection() {
  const { form: both, setForm: setBoth, error, submit, printers } = useFilesSettingsForm();
  if (!both) return error ? <p role="alert">{error}</p> : null;
  const form = both.files;
  const codes = both.codes;
  const setForm = (files: FileSettings) => setBoth({ ...both, files });
  const setCodes = (next: CarrierSettings) => setBoth({ ...both, codes: next });
  return (
    <form className="form" onSubmit={submit} aria-label="印刷・CSV の設定">
      <PrinterField printer={form.printer} printers={printers} onChange={(printer) => setForm({ ...form, printer })} />
      <label className="check">
        <input
          type="checkbox"
          checked={form.deliveryNotePrices}
          onChange={(e) => setForm({ ...form, deliveryNotePrices: e.target.checked })}
        />
        納品書に金額（単価・合計）を印字する
      </label>
      <DocumentOutputFields form={form} printers={printers} onChange={setForm} />
      <label>
        CSV の文字コード
        <select
          value={form.csvEncoding}
          onChange={(e) => setForm({ ...form, csvEncoding: e.target.value as FileSettings['csvEncoding'] })}
        >
          {CSV_ENCODINGS.map((enc) => (
            <option key={enc} value={enc}>
              {CSV_ENCODING_LABELS[enc]}
            </option>
          ))}
        </select>
      </label>
      <label>
        PDF の保存先フォルダ
        <input
          value={form.documentsDir}
          placeholder={form.defaultDocumentsDir}
          onChange={(e) => setForm({ ...form, documentsDir: e.target.value })}
        />
      </label>
      <p className="form-hint">空欄のときは {form.defaultDocumentsDir} に保存します。</p>
      <CarrierCodesFields codes={codes} onChange={setCodes} />
      <FormError message={error} />
      <div className="form-actions">
        <button type="submit">保存</button>
      </div>
    </form>
  );
}
