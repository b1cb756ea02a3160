import type { ReactNode } from 'react';

export interface RowsColumn<T> {
  header: string;
  cell(row: T): ReactNode;
  /** Right-aligned figures (line numbers, counts). */
  num?: boolean;
}

interface Props<T> {
  /** The table's accessible name (tests and screen readers find it by this). */
  label: string;
  columns: RowsColumn<T>[];
  rows: readonly T[];
  rowKey(row: T, index: number): string | number;
  rowClass?(row: T): string;
}

/** A named table of result rows (problems, preview lines) in the dialogs' "history" style. */
export function RowsTable<T>({ label, columns, rows, rowKey, rowClass }: Props<T>) {
  return (
    <table className="history" aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} className={c.num ? 'num' : undefined}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={rowKey(row, i)} className={rowClass?.(row)}>
            {columns.map((c) => (
              <td key={c.header} className={c.num ? 'num' : undefined}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
