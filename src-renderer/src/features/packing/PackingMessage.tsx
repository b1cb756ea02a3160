import type { PackingNotice } from './usePackingScan.js';

/** The scan's answer: an error in red (読み取りエラー), else what to scan next. */
export function PackingMessage({ notice }: { notice: PackingNotice | null }) {
  return notice?.tone === 'error' ? (
    <div className="scan-result wrong_status" role="alert" data-testid="packing-message">
      <div className="scan-headline">読み取りエラー</div>
      <div className="scan-message">{notice.text}</div>
    </div>
  ) : (
    <div className="scan-result idle" role="status" data-testid="packing-message">
      <div className="scan-message">
        {notice?.text ?? '注文番号（ピッキングリスト・納品書のバーコード）をスキャンしてください。'}
      </div>
    </div>
  );
}
