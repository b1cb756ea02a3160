import { useEffect, useState } from 'react';
import {
  DEFAULT_EXPORT_COLUMNS,
  EXPORT_COLUMNS,
  type CsvExportResult,
  type ExportColumn,
} from '../../../../src-shared/api/csv-export.js';
import type { CsvEncodingSetting } from '../../../../src-shared/api/files.js';
import { invoke } from '../../api/client.js';
import { useScreen } from '../../screen/screen-context.js';
import { saveDownload } from '../files/transfer.js';
import { useTask } from '../files/use-task.js';

export type CsvScope = 'list' | 'checked';

/**
 * The CSV出力 choices (which orders, which columns in the list's order, the encoding read from
 * the settings) and the export itself, whose file is saved as a download.
 */
export function useCsvExport() {
  const screen = useScreen();
  const [columns, setColumns] = useState<ExportColumn[]>(DEFAULT_EXPORT_COLUMNS);
  const [scope, setScope] = useState<CsvScope>('list');
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

  return { columns, toggle, scope, setScope, encoding, setEncoding, result, busy, error, run };
}
