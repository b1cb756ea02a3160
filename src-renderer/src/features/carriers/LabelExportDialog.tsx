import { useState } from 'react';
import {
  LABEL_FORMAT_INFO,
  LABEL_FORMATS,
  type LabelExportResult,
  type LabelFormat,
} from '../../../../src-shared/api/carriers.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { useScreen } from '../../screen/screen-context.js';
import { jstToday } from '../../../../src-shared/text/jst.js';
import { saveDownload } from '../files/transfer.js';
import { useTask } from '../files/use-task.js';
import { FormError } from '../../components/FormError.js';
import { LabelExportOutcome } from './LabelExportOutcome.js';

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
        {result ? <LabelExportOutcome result={result} format={format} /> : null}
        <FormError message={error} />
      </form>
    </Dialog>
  );
}
