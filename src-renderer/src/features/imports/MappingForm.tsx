import { useState, type FormEvent } from 'react';
import {
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
} from '../../../../src-shared/api/imports.js';
import { CHANNELS, type Channel } from '../../../../src-shared/domain/channels.js';
import { invoke } from '../../api/client.js';
import { FormError } from '../../components/FormError.js';
import { MappingField } from './MappingField.js';
import { ChannelOptions } from '../../components/ChannelOptions.js';

interface Props {
  fileName: string;
  headers: string[];
  message: string;
  onSaved(mapping: ImportMapping): void;
  onCancel(): void;
}

/** Guesses a header for a field from its Japanese label (注文番号 ↔ 受注番号 is left to the clerk). */
function guess(field: ImportField, headers: string[]): string {
  const label = IMPORT_FIELD_LABELS[field].replace(/（.*）/, '');
  return headers.find((h) => h === label || h === field) ?? '';
}

/** Column mapping for a layout Chumon does not know: each order field ← a header of the file. */
export function MappingForm({ fileName, headers, message, onSaved, onCancel }: Props) {
  const [name, setName] = useState('');
  const [channel, setChannel] = useState<Channel>('own');
  // Each field reads one column, or several joined (姓 + 名): the list of chosen headers.
  const [fields, setFields] = useState<Record<ImportField, string[]>>(
    () => Object.fromEntries(IMPORT_FIELDS.map((f) => [f, [guess(f, headers)]])) as Record<ImportField, string[]>,
  );
  const setColumn = (field: ImportField, index: number, header: string | null) => {
    const list = [...fields[field]];
    if (header === null) list.splice(index, 1);
    else list[index] = header;
    setFields({ ...fields, [field]: list });
  };
  const [error, setError] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invoke('imports:saveMapping', { name, channel, fields }).then(onSaved, (err: Error) => setError(err.message));
  };
  return (
    <form className="form" onSubmit={submit} aria-label="列の対応（マッピング）">
      <p role="status">{message}</p>
      <p className="form-hint">
        「{fileName}
        」の見出しを、注文のどの項目に取り込むか選んでください。★は必須です。姓と名、郵便番号の前半と後半、都道府県と市区町村と番地のように分かれた列は「列をつなげる」で1つの項目にできます。保存したマッピングは次回から選べます。
      </p>
      <div className="import-mapping-head">
        <label>
          マッピング名
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          販路
          <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
            <ChannelOptions channels={CHANNELS} />
          </select>
        </label>
      </div>
      <div className="import-mapping">
        {IMPORT_FIELDS.map((field) => (
          <MappingField
            key={field}
            field={field}
            columns={fields[field]}
            headers={headers}
            onColumn={(index, header) => setColumn(field, index, header)}
          />
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
