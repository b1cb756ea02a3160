import type { StockImportPreview } from '../../../../src-shared/api/stock-import.js';

/**
 * The preview's buttons: 取込 (only with something to change, and wrong lines left out when
 * there are any) and 戻る.
 */
export function StockImportFooter({
  preview,
  skipBad,
  onSkipBad,
  busy,
  onCommit,
  onBack,
}: {
  preview: StockImportPreview;
  skipBad: boolean;
  onSkipBad: (skip: boolean) => void;
  busy: boolean;
  onCommit: (previewId: string) => void;
  onBack: () => void;
}) {
  return (
    <>
      {preview.counts.bad > 0 ? (
        <label className="check">
          <input type="checkbox" checked={skipBad} onChange={(e) => onSkipBad(e.target.checked)} />
          誤りのある{preview.counts.bad.toLocaleString('ja-JP')}行を除いて取り込む
        </label>
      ) : null}
      <button
        type="button"
        autoFocus
        onClick={() => onCommit(preview.previewId)}
        disabled={busy || (preview.counts.bad > 0 && !skipBad) || preview.counts.new + preview.counts.changed === 0}
      >
        取込
      </button>
      <button type="button" onClick={onBack} disabled={busy}>
        戻る
      </button>
    </>
  );
}
