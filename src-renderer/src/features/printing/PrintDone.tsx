import { useState } from 'react';
import { PRINT_KIND_LABELS, type PrintResult } from '../../../../src-shared/api/printing.js';
import { invoke } from '../../api/client.js';

/**
 * What the last print did. A PDF that was only saved leaves the orders unprinted: the clerk
 * who prints it elsewhere says so here (印刷済みにする).
 */
export function PrintDone({
  done,
  onMarked,
  onError,
}: {
  done: PrintResult;
  onMarked(): void;
  onError(message: string): void;
}) {
  const [marked, setMarked] = useState(false);
  const what = `${PRINT_KIND_LABELS[done.kind]}（${done.orderCount.toLocaleString('ja-JP')}件・${done.pages}ページ）`;
  return (
    <div role="status" className="print-done">
      <p>
        {done.printer
          ? `${what}をプリンタ「${done.printer}」に送りました。`
          : `${what}を PDF で保存しました（注文は印刷済みにしていません）。`}
        保存先: {done.filePath}
      </p>
      {done.printer ? null : marked ? (
        <p>印刷済みにしました。</p>
      ) : (
        <button
          type="button"
          onClick={() =>
            invoke('printing:markPrinted', { jobId: done.jobId }).then(
              () => {
                setMarked(true);
                onMarked();
              },
              (e: Error) => onError(e.message),
            )
          }
        >
          この PDF を印刷した（印刷済みにする）
        </button>
      )}
    </div>
  );
}
