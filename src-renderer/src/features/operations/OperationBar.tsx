import type { MainStatus } from '../../../../src-shared/domain/status.js';
import { allowedFrom } from '../../../../src-shared/domain/transitions.js';
import type { FunctionKey } from '../../keys.js';
import { KEY_ACTIONS } from '../../screen/actions.js';
import { listedStatus, perform } from '../../screen/availability.js';
import type { Pressable } from '../../screen/commands.js';
import type { ScreenContext } from '../../screen/screen-context.js';
import { DAY_OPERATIONS } from './operations.js';

/** The function keys whose work belongs to certain tabs, shown in the bar as well. */
const KEYS_IN_BAR: { key: FunctionKey; label: string; tabs: readonly MainStatus[] }[] = [
  { key: 'F11', label: '在庫確認', tabs: allowedFrom('stock_ok') },
  // Without checked orders F10 lists every candidate group.
  { key: 'F10', label: '同梱設定', tabs: ['new', 'out_of_stock', 'stock_confirmed', 'paid'] },
];

interface Entry {
  id: string;
  label: string;
  name: string;
  item: Pressable;
  danger?: boolean;
}

/**
 * The operation bar above the grid: the next step for the orders of this tab, one click
 * away (在庫確認 on 新規, 入金確認登録 on 在庫確認済, 送り状番号登録 on 入金済, 出荷確定 and the
 * scan on 出荷待ち, 注文取消 wherever it applies); a search result of mixed statuses shows them
 * all. The same operations are E13–E17 in F4. A greyed button still says why when pressed.
 */
export function OperationBar({ screen }: { screen: ScreenContext }) {
  const status = listedStatus(screen);
  const applies = (tabs: readonly MainStatus[]) => status === null || tabs.includes(status);
  const entries: Entry[] = [
    ...KEYS_IN_BAR.filter((k) => applies(k.tabs) && KEY_ACTIONS[k.key]).map(({ key, label }) => ({
      id: key,
      label,
      name: `${key} ${label}`,
      item: KEY_ACTIONS[key]!,
    })),
    ...DAY_OPERATIONS.filter((op) => applies(op.tabs)).map((op) => ({
      id: op.id,
      label: op.label,
      name: op.label,
      item: op,
      danger: op.id === 'E17',
    })),
  ];
  if (entries.length === 0) return null;
  return (
    <div className="op-bar" role="toolbar" aria-label="処理">
      {entries.map(({ id, label, name, item, danger }) => {
        const why = item.unavailable?.(screen) ?? null;
        return (
          <button
            key={id}
            type="button"
            className={danger ? 'danger' : undefined}
            aria-disabled={why !== null}
            title={why ?? undefined}
            onClick={() => void perform(name, item, screen)}
          >
            {label}
            {id.startsWith('F') ? (
              <>
                {' '}
                <kbd>{id}</kbd>
              </>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
