import { isMainStatus, type MainStatus } from '../../../../src-shared/domain/status.js';
import { allowedFrom } from '../../../../src-shared/domain/transitions.js';
import type { FunctionKey } from '../../keys.js';
import { KEY_ACTIONS } from '../../screen/actions.js';
import type { ScreenContext } from '../../screen/screen-context.js';
import { DAY_OPERATIONS } from './operations.js';

/** The function keys whose work belongs to certain tabs, shown in the bar as well. */
const KEYS_IN_BAR: { key: FunctionKey; label: string; tabs: readonly MainStatus[]; withoutSelection?: boolean }[] = [
  { key: 'F11', label: '在庫確認', tabs: allowedFrom('stock_ok') },
  // Without checked orders F10 lists every candidate group.
  { key: 'F10', label: '同梱設定', tabs: ['new', 'out_of_stock', 'stock_confirmed', 'paid'], withoutSelection: true },
];

/**
 * The operation bar above the grid: the next step for the orders of this tab, one click
 * away (在庫確認 on 新規, 入金確認登録 on 在庫確認済, 送り状番号登録 on 入金済, 出荷確定 and the
 * scan on 出荷待ち, 注文取消 wherever it applies); a search result of mixed statuses shows them
 * all. The same operations are E13–E17 in F4.
 */
/** The main status every listed order has, or null for a list of mixed statuses (a search, メール未送信, ...). */
function listedStatus({ view }: ScreenContext): MainStatus | null {
  const base = view.kind === 'extract' ? view.base : view;
  return base.kind === 'tab' && isMainStatus(base.tab) ? base.tab : null;
}

export function OperationBar({ screen }: { screen: ScreenContext }) {
  const status = listedStatus(screen);
  const mixed = status === null;
  const applies = (tabs: readonly string[]) => mixed || tabs.includes(status);
  const none = screen.selection.size === 0;
  const keys = KEYS_IN_BAR.filter((k) => applies(k.tabs) && KEY_ACTIONS[k.key]);
  const operations = DAY_OPERATIONS.filter((op) => applies(op.tabs));
  if (keys.length === 0 && operations.length === 0) return null;
  return (
    <div className="op-bar" role="toolbar" aria-label="処理">
      {keys.map(({ key, label, withoutSelection }) => (
        <button
          key={key}
          type="button"
          disabled={none && !withoutSelection}
          onClick={() =>
            Promise.resolve(KEY_ACTIONS[key]!.run(screen)).catch((e: Error) => screen.notify('error', e.message))
          }
        >
          {label} <kbd>{key}</kbd>
        </button>
      ))}
      {operations.map((op) => (
        <button
          key={op.id}
          type="button"
          className={op.id === 'E17' ? 'danger' : undefined}
          disabled={none && !op.withoutSelection}
          onClick={() => op.run(screen)}
        >
          {op.label}
        </button>
      ))}
    </div>
  );
}
