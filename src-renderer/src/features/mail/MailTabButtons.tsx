import type { ScreenContext } from '../../screen/screen-context.js';
import { openSend } from './actions.js';

/**
 * The bulk sends of S5 and S6, shown on their tabs: the checked orders, or with nothing
 * checked every order of the tab.
 */
export function MailTabButtons({ screen }: { screen: ScreenContext }) {
  const { view } = screen;
  if (view.kind !== 'tab' || (view.tab !== 'mail_unsent' && view.tab !== 'reminder')) return null;
  const purpose = view.tab === 'reminder' ? 'reminder' : 'status';
  const label = purpose === 'reminder' ? '催促メール一括送信' : 'メール一括送信';
  const run = () => openSend(screen, purpose, true).catch((e: Error) => screen.notify('error', e.message));
  return (
    <div className="op-bar" role="toolbar" aria-label="メール">
      <button type="button" onClick={() => void run()}>
        {label}
        {screen.selection.size > 0 ? `（${screen.selection.size.toLocaleString('ja-JP')}件）` : '（一覧のすべて）'}
      </button>
    </div>
  );
}
