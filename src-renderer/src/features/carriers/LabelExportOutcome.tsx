import {
  LABEL_FORMAT_INFO,
  type LabelExportResult,
  type LabelFormat,
  type LabelProblem,
} from '../../../../src-shared/api/carriers.js';
import { RowsTable, type RowsColumn } from '../../components/RowsTable.js';

const PROBLEM_COLUMNS: RowsColumn<LabelProblem>[] = [
  { header: '注文番号', cell: (p) => p.orderNo },
  { header: '項目', cell: (p) => p.field },
  { header: '問題', cell: (p) => p.message },
];

/** What 送り状データ出力 made: the files, or the problems that stopped it, and postcodes to check. */
export function LabelExportOutcome({ result, format }: { result: LabelExportResult; format: LabelFormat }) {
  return (
    <>
      {result.files.length > 0 ? (
        <p role="status">
          {result.rows.toLocaleString('ja-JP')}件の送り状データを出力しました:{' '}
          {result.files.map((f) => f.fileName).join('、')}
        </p>
      ) : null}
      {result.problems.length > 0 ? (
        <>
          <p role="alert" className="form-error">
            {LABEL_FORMAT_INFO[format].label} に出力できない注文があります（{result.problems.length}
            件の問題）。直してからもう一度出力してください。ファイルは作っていません。
          </p>
          <RowsTable
            label="送り状データの問題"
            columns={PROBLEM_COLUMNS}
            rows={result.problems}
            rowKey={(_p, i) => i}
          />
        </>
      ) : null}
      {result.warnings.length > 0 ? (
        <>
          <p role="note">
            郵便番号と住所が合っていない可能性がある注文があります（{result.warnings.length}
            件）。送り状を印刷する前に確認してください。
          </p>
          <RowsTable label="郵便番号の確認" columns={PROBLEM_COLUMNS} rows={result.warnings} rowKey={(_p, i) => i} />
        </>
      ) : null}
    </>
  );
}
