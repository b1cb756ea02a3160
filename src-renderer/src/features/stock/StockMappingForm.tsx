import { useState, type FormEvent } from 'react';
import {
  REQUIRED_STOCK_FIELDS,
  STOCK_FILE_FIELD_LABELS,
  STOCK_FILE_FIELDS,
  type StockFileField,
  type StockMapping,
} from '../../../../src-shared/api/stock-import.js';
import { invoke } from '../../api/client.js';
import { FormError } from '../../components/FormError.js';

interface Props {
  fileName: string;
  headers: string[];
  message: string;
  onSaved(mapping: StockMapping): void;
  onCancel(): void;
}

/** Column mapping for a stock file whose headers Chumon does not know: each field ← a header. */
export function StockMappingForm({ fileName, headers, message, onSaved, onCancel }: Props) {
  const [name, setName] = useState('');
  const [fields, setFields] = useState<Partial<Record<StockFileField, string>>>({});
  const [error, setError] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invoke('stock:saveMapping', { name, fields }).then(onSaved, (err: Error) => setError(err.message));
  };
  return (
    <form className="form" onSubmit={submit} aria-label="列の対応（マッピング）">
      <p role="status">{message}</p>
      <p className="form-hint">
        「{fileName}
        」の見出しを、在庫のどの項目に取り込むか選んでください。★は必須です。保存したマッピングは、同じ見出しのファイルに次回から自動で使われます。
      </p>
      <label>
        マッピング名
        <input value={name} autoFocus onChange={(e) => setName(e.target.value)} />
      </label>
      <div className="import-mapping">
        {STOCK_FILE_FIELDS.map((field) => (
          <label key={field}>
            {STOCK_FILE_FIELD_LABELS[field]}
            {REQUIRED_STOCK_FIELDS.includes(field) ? ' ★' : ''}
            <select value={fields[field] ?? ''} onChange={(e) => setFields({ ...fields, [field]: e.target.value })}>
              <option value="">（なし）</option>
              {headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <FormError message={error} />
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          戻る
        </button>
        <button type="submit">マッピングを保存して読込</button>
      </div>
    </form>
  );
}
