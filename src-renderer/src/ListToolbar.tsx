import { OperationBar } from './features/operations/OperationBar.js';
import { MailTabButtons } from './features/mail/MailTabButtons.js';
import type { ListView, ScreenContext } from './screen/screen-context.js';
import { labelOf } from './state/list-view.js';

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

interface Props {
  view: ListView;
  selected: number;
  screen: ScreenContext | null;
  notice: Notice | null;
  onChooseColumns(): void;
  onDismissNotice(): void;
}

/** Above the grid: how many orders are selected, 表示する列, the operation buttons and the notice line. */
export function ListToolbar({ view, selected, screen, notice, onChooseColumns, onDismissNotice }: Props) {
  return (
    <div className="toolbar">
      <span className="selected-count" aria-live="polite">
        {labelOf(view)}：{selected.toLocaleString('ja-JP')}件選択中
      </span>
      <button type="button" className="head-button" onClick={onChooseColumns}>
        表示する列
      </button>
      {screen ? <OperationBar screen={screen} /> : null}
      {screen ? <MailTabButtons screen={screen} /> : null}
      {notice ? (
        <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
          <button type="button" className="link" onClick={onDismissNotice} aria-label="お知らせを閉じる">
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
