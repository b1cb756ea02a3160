import { useEffect, useState } from 'react';
import type { CarrierSettings } from '../../../../src-shared/api/carriers.js';
import { CSV_ENCODING_LABELS, CSV_ENCODINGS, type FileSettings } from '../../../../src-shared/api/files.js';
import type { PrinterList } from '../../../../src-shared/api/printing.js';
import { invoke } from '../../api/client.js';
import { useSettingsForm } from '../settings/useSettingsForm.js';
import { FormError } from '../../components/FormError.js';
import { DocumentOutputFields } from './DocumentOutputFields.js';

interface FilesForm {
  files: FileSettings;
  codes: CarrierSettings;
}

/**
 * 印刷・CSV: the printer (from the OS's list), 納品書 prices, CSV encoding, PDF folder, carrier
 * codes. Closing 設定 with edits not yet saved asks 「変更を保存しますか」.
 */
export function FilesSettingsSection() {
  const [printers, setPrinters] = useState<PrinterList | null>(null);
  const {
    form: both,
    setForm: setBoth,
    error,
    setError,
    submit,
  } = useSettingsForm<FilesForm, FilesForm>({
    load: () =>
      Promise.all([invoke('printing:settings', {}), invoke('carriers:settings', {})]).then(([files, codes]) => ({
        files,
        codes,
      })),
    save: ({ files, codes }) =>
      Promise.all([
        invoke('printing:saveSettings', {
          printer: files.printer,
          deliveryNotePrices: files.deliveryNotePrices,
          csvEncoding: files.csvEncoding,
          documentsDir: files.documentsDir,
          registrationNumber: files.registrationNumber,
          outputs: files.outputs,
        }),
        invoke('carriers:saveSettings', codes),
      ]).then(([savedFiles, savedCodes]) => ({ files: savedFiles, codes: savedCodes })),
    toForm: (saved) => saved,
    savedMessage: '印刷・CSV の設定を保存しました。',
  });
  useEffect(() => {
    invoke('printing:printers', {}).then(setPrinters, (e: Error) => setError(e.message));
  }, []);
  if (!both) return error ? <p role="alert">{error}</p> : null;
  const form = both.files;
  const codes = both.codes;
  const setForm = (files: FileSettings) => setBoth({ ...both, files });
  const setCodes = (next: CarrierSettings) => setBoth({ ...both, codes: next });
  const known = printers?.printers.some((p) => p.name === form.printer) ?? true;
  return (
    <form className="form" onSubmit={submit} aria-label="印刷・CSV の設定">
      <label>
        プリンタ
        <select value={form.printer} onChange={(e) => setForm({ ...form, printer: e.target.value })}>
          <option value="">
            OS の既定のプリンタ
            {printers?.printers.find((p) => p.isDefault)
              ? `（${printers.printers.find((p) => p.isDefault)!.name}）`
              : ''}
          </option>
          {printers?.printers.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
          {!known ? <option value={form.printer}>{form.printer}（見つかりません）</option> : null}
        </select>
      </label>
      {printers && !printers.available ? (
        <p className="form-hint" role="status">
          {printers.message}
        </p>
      ) : null}
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
      <fieldset className="form-group">
        <legend>送り状データ（配送業者）</legend>
        <label>
          B2クラウド ご請求先顧客コード
          <input
            value={codes.yamatoCustomerCode}
            inputMode="numeric"
            onChange={(e) => setCodes({ ...codes, yamatoCustomerCode: e.target.value })}
          />
        </label>
        <label>
          B2クラウド 運賃管理番号
          <input
            value={codes.yamatoFreightNo}
            inputMode="numeric"
            onChange={(e) => setCodes({ ...codes, yamatoFreightNo: e.target.value })}
          />
        </label>
        <label>
          e飛伝Ⅱ お客様コード
          <input
            value={codes.sagawaCustomerCode}
            inputMode="numeric"
            onChange={(e) => setCodes({ ...codes, sagawaCustomerCode: e.target.value })}
          />
        </label>
      </fieldset>
      <FormError message={error} />
      <div className="form-actions">
        <button type="submit">保存</button>
      </div>
    </form>
  );
}
