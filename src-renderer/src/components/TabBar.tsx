import type { TabCounts } from '../../../src-shared/api/orders.js';
import { TAB_LABELS, TABS, type Tab } from '../../../src-shared/domain/status.js';

interface Props {
  /** The tab the list lies in; null while a search result is shown. */
  current: Tab | null;
  /** The tab chosen last: the one the keyboard starts from when none is current. */
  last: Tab;
  counts: TabCounts | null;
  onSelect(tab: Tab): void;
  /** ↓ from a tab: into the list's rows. */
  onEnterList(): void;
}

const countFormat = new Intl.NumberFormat('ja-JP');

/**
 * The status tabs with live counts (S1); a tab's accessible name includes its count. From the
 * list, the digits 1–9 open the tabs in order (see App), ←/→ move between them here.
 */
export function TabBar({ current, last, counts, onSelect, onEnterList }: Props) {
  const focusable = current ?? last;
  const move = (delta: number) => {
    const index = (TABS.indexOf(focusable) + delta + TABS.length) % TABS.length;
    onSelect(TABS[index]!);
  };
  return (
    <div className="tabs" role="tablist" aria-label="メインステータス">
      {TABS.map((tab) => {
        const n = counts ? countFormat.format(counts[tab]) : '…';
        return (
          <button
            key={tab}
            id={`tab-${tab}`}
            role="tab"
            type="button"
            aria-selected={tab === current}
            aria-controls="order-panel"
            tabIndex={tab === focusable ? 0 : -1}
            aria-keyshortcuts={String(TABS.indexOf(tab) + 1)}
            className={`tab tab-${tab}`}
            onClick={() => onSelect(tab)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight') move(1);
              if (e.key === 'ArrowLeft') move(-1);
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                onEnterList();
              }
            }}
          >
            <span className="tab-label">{TAB_LABELS[tab]}</span>
            <span className="tab-count" data-count={counts?.[tab] ?? ''}>
              {' '}
              {n}件
            </span>
          </button>
        );
      })}
    </div>
  );
}
