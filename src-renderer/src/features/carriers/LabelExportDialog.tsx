import { useState } from 'react';
import {
  LABEL_FORMAT_INFO,
  LABEL_FORMATS,
  type LabelExportResult,
  type LabelFormat,
  type LabelProblem,
} from '../../../../src-shared/api/carriers.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { RowsTable, type RowsColumn } from '../../components/RowsTable.js';
import { useScreen } from '../../screen/screen-context.js';
import { jstToday } from '../../../../src-shared/text/jst.js';
import { saveDownload } from '../files/transfer.js';
import { useTask } from '../files/use-task.js';
import { FormError } from '../../components/FormError.js';

const PROBLEM_COLUMNS: RowsColumn<LabelProblem>[] = [
  { header: '注文番号', cell: (p) => p.orderNo },
  { header: '項目', cell: (p) => p.field },
  { header: '問題', cell: (p) => p.message },
];

/**
 * 送り状データ出力: the checked orders as the carrier's label CSV (B2クラウド, e飛伝Ⅱ,
 * クリックポスト). The carrier's checks run first; any problem is listed and no file is made.
 * The focus starts on the carrier list; Enter there (or in any field) makes the file.
 */
export function LabelExportDialog({ orderIds }: { orderIds: number[] }) {
  const screen = useScreen();
  const [format, setFormat] = useState<LabelFormat>('yamato_b2');
  const [shipDate, setShipDate] = useState(jstToday());
  const [itemName, setItemName] = useState('');
  const [result, setResult] = useState<LabelExportResult | null>(null);
  const { busy, error, run: task } = useTask();
  const run = () =>
    task(async () => {
      setResult(null);
      const out = await invoke('carriers:export', { format, orderIds, shipDate, itemName });
      out.files.forEach(saveDownload);
      setResult(out);
    });
  return (
    <Dialog title="送り状データ出力" onClose={screen.closeDialog} wide>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void run();
        }}
      >
        <p>チェックした注文 {orderIds.length.toLocaleString('ja-JP')}件（同梱の注文は1つの送り状にまとめます）</p>
        <label>
          送り状ソフト
          <select value={format} autoFocus onChange={(e) => setFormat(e.target.value as LabelFormat)}>
            {LABEL_FORMATS.map((f) => (
              <option key={f} value={f}>
                {LABEL_FORMAT_INFO[f].label}
              </option>
            ))}
          </select>
        </label>
        <label>
          出荷予定日
          <input type="date" value={shipDate} onChange={(e) => setShipDate(e.target.value)} />
        </label>
        <label>
          品名（内容品）
          <input
            value={itemName}
            maxLength={50}
            placeholder="空欄なら各注文の最初の商品名"
            onChange={(e) => setItemName(e.target.value)}
          />
        </label>
        <div className="form-actions">
          <button type="submit" aria-disabled={busy}>
            出力
          </button>
        </div>
        {result && result.files.length > 0 ? (
          <p role="status">
            {result.rows.toLocaleString('ja-JP')}件の送り状データを出力しました:{' '}
            {result.files.map((f) => f.fileName).join('、')}
          </p>
        ) : null}
        {result && result.problems.length > 0 ? (
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
        {result && result.warnings.length > 0 ? (
          <>
            <p role="note">
              郵便番号と住所が合っていない可能性がある注文があります（{result.warnings.length}
              件）。送り状を印刷する前に確認してください。
            </p>
            <RowsTable label="郵便番号の確認" columns={PROBLEM_COLUMNS} rows={result.warnings} rowKey={(_p, i) => i} />
          </>
        ) : null}
        <FormError message={error} />
      </form>
    </Dialog>
  );
}
