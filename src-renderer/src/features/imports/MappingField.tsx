import { IMPORT_FIELD_LABELS, REQUIRED_MAPPING_FIELDS, type ImportField } from '../../../../src-shared/api/imports.js';

interface Props {
  field: ImportField;
  /** The headers the field reads, joined in order (at most 5). */
  columns: string[];
  headers: string[];
  /** Sets the index-th column's header (null removes it; one past the end adds one). */
  onColumn(index: number, header: string | null): void;
}

/** One order field of the mapping: its header(s), 列をつなげる to join another, × to remove one. */
export function MappingField({ field, columns, headers, onColumn }: Props) {
  const label = `${IMPORT_FIELD_LABELS[field]}${REQUIRED_MAPPING_FIELDS.includes(field) ? ' ★' : ''}`;
  return (
    <div className="import-mapping-field" role="group" aria-label={IMPORT_FIELD_LABELS[field]}>
      <span>{label}</span>
      {columns.map((header, index) => (
        <span key={index} className="import-mapping-column">
          {index > 0 ? '＋' : ''}
          <select
            aria-label={index === 0 ? label : `${IMPORT_FIELD_LABELS[field]}（${index + 1}列目）`}
            value={header}
            onChange={(e) => onColumn(index, e.target.value)}
          >
            <option value="">（なし）</option>
            {headers.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
          {index > 0 ? (
            <button type="button" aria-label={`${index + 1}列目を外す`} onClick={() => onColumn(index, null)}>
              ×
            </button>
          ) : null}
        </span>
      ))}
      {columns.length < 5 ? (
        <button type="button" onClick={() => onColumn(columns.length, '')}>
          列をつなげる
        </button>
      ) : null}
    </div>
  );
}
