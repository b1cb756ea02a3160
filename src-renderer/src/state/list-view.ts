import type { ListQuery } from '../../../src-shared/api/orders.js';
import { TAB_LABELS, type Tab } from '../../../src-shared/domain/status.js';
import type { ListView } from '../screen/screen-context.js';

/** The query orders:list and orders:ids take for a view. */
export function queryOf(view: ListView): ListQuery {
  switch (view.kind) {
    case 'tab':
      return { tab: view.tab };
    case 'search':
      return { criteria: view.criteria };
    case 'extract':
      return view.base.kind === 'tab' ? { tab: view.base.tab, criteria: view.criteria } : { criteria: view.criteria };
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}

/** The name of the list, as the selected count and the banner say it. */
export function labelOf(view: ListView): string {
  switch (view.kind) {
    case 'tab':
      return TAB_LABELS[view.tab];
    case 'search':
      return '検索結果';
    case 'extract':
      return `${view.label}（${labelOf(view.base)}）`;
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}

/** The tab the list lies in (an extraction of a tab lies in it), or null for a search. */
export function tabOf(view: ListView): Tab | null {
  const base = view.kind === 'extract' ? view.base : view;
  return base.kind === 'tab' ? base.tab : null;
}

/** The key the grid remembers its columns under: the tab, or one for every search. */
export function gridKeyOf(view: ListView): string {
  return tabOf(view) ?? 'search';
}

/**
 * The optional columns a list needs to say why its rows are there: the status and the
 * pending mail or reminder reason on lists of mixed statuses, the comment or inquiry an
 * extraction is about. Shown whatever the clerk hid.
 */
export function columnsOf(view: ListView): string[] {
  switch (view.kind) {
    case 'tab':
      if (view.tab === 'mail_unsent') return ['status', 'mailPending'];
      if (view.tab === 'reminder') return ['status', 'reminder'];
      return [];
    case 'search':
      return ['status', 'mailPending', 'reminder'];
    case 'extract': {
      const flag = view.criteria.orderComment
        ? 'orderComment'
        : view.criteria.staffComment
          ? 'staffComment'
          : 'mailInquiry';
      return [...columnsOf(view.base), flag];
    }
    default: {
      const unreachable: never = view;
      return unreachable;
    }
  }
}
