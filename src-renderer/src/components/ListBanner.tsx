import { describeCriteria } from '../features/search/describe.js';
import type { ScreenContext } from '../screen/screen-context.js';
import { labelOf } from '../state/list-view.js';

interface Props {
  screen: ScreenContext;
  /** Opens the search dialog again (F5) to change the conditions. */
  onEdit(): void;
}

/**
 * Says which list the grid shows when it is not simply a tab: "検索結果: 123件" with its
 * conditions, or an extraction, and a way back.
 */
export function ListBanner({ screen, onEdit }: Props) {
  const { view } = screen;
  if (view.kind === 'tab') return null;
  const total = screen.listTotal === null ? '…' : screen.listTotal.toLocaleString('ja-JP');
  const conditions = view.kind === 'search' ? describeCriteria(view.criteria, screen.masters) : [];
  const back = view.kind === 'search' ? { kind: 'tab' as const, tab: screen.tab } : view.base;
  return (
    <div className="list-banner" role="region" aria-label="表示中の一覧">
      <strong className="list-banner-title" data-testid="list-title">
        {labelOf(view)}: {total}件
      </strong>
      {conditions.length > 0 ? <span className="list-banner-conditions">{conditions.join(' / ')}</span> : null}
      {view.kind === 'search' ? (
        <button type="button" onClick={onEdit}>
          条件を変更
        </button>
      ) : null}
      <button type="button" onClick={() => screen.showList(back)}>
        {view.kind === 'search' ? '条件を解除' : '抽出を解除'}
      </button>
    </div>
  );
}
