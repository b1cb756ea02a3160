import { isMainStatus, type MainStatus } from '../../../src-shared/domain/status.js';
import type { Pressable, Unavailable } from './commands.js';
import type { ScreenContext } from './screen-context.js';

const NOTHING_CHECKED = 'チェックした注文がありません。Space で行をチェックするか、F2 で全選択してください。';
const NOT_ON_THIS_TAB = 'このタブでは使えません。';
const EMPTY_LIST = 'この一覧に注文がありません。';

export const needsChecked: Unavailable = (screen) => (screen.selection.size > 0 ? null : NOTHING_CHECKED);
export const needsRows: Unavailable = (screen) => (screen.listTotal === 0 ? EMPTY_LIST : null);

/** The main status every listed order has, or null for a list of mixed statuses (a search, メール未送信, ...). */
export function listedStatus({ view }: ScreenContext): MainStatus | null {
  const base = view.kind === 'extract' ? view.base : view;
  return base.kind === 'tab' && isMainStatus(base.tab) ? base.tab : null;
}

/** For the listed orders of these statuses (and lists of mixed statuses), with checked orders. */
export function checkedOn(statuses: readonly MainStatus[]): Unavailable {
  return (screen) => {
    const status = listedStatus(screen);
    if (status !== null && !statuses.includes(status)) return NOT_ON_THIS_TAB;
    return needsChecked(screen);
  };
}

/**
 * Runs it, or says why it cannot run (「F11 在庫確認」: チェックした注文がありません。…).
 * Errors of the run are shown, never swallowed.
 */
export async function perform(name: string, item: Pressable, screen: ScreenContext): Promise<void> {
  const why = item.unavailable?.(screen) ?? null;
  if (why) {
    screen.notify('info', `「${name}」: ${why}`);
    return;
  }
  try {
    await item.run(screen);
  } catch (e) {
    screen.notify('error', (e as Error).message);
  }
}
