import type { MethodName, ParsedInputOf } from '../../src-shared/api/index.js';

type Rule<M extends MethodName> = string | ((input: ParsedInputOf<M>) => string | null);

const SETTINGS = '設定の変更';
const BULK_CANCEL = '一括注文取消';

/**
 * What a PC with a staff list lets only a 管理者 staff member do: 設定 (every settings
 * page's save), バックアップ復元, and a bulk 注文取消 (注文取消 of more than one order, or
 * キャンセル済 by メインステータス一括変更). Each entry names the action for the refusal, or
 * decides by the input.
 */
const MANAGER_ACTIONS: { [M in MethodName]?: Rule<M> } = {
  'settings:saveGeneral': SETTINGS,
  'sync:saveSettings': SETTINGS,
  'mail:saveSettings': SETTINGS,
  'mail:saveReminderDays': SETTINGS,
  'printing:saveSettings': SETTINGS,
  'backup:saveSettings': SETTINGS,
  'carriers:saveSettings': SETTINGS,
  'backup:restore': 'バックアップの復元',
  'operations:cancel': (input) => (input.orderIds.length > 1 ? BULK_CANCEL : null),
  'bulk:setStatus': (input) => (input.target === 'cancelled' ? BULK_CANCEL : null),
};

/** The action a call is, when it needs a 管理者; null when anyone may make it. */
export function managerActionOf<M extends MethodName>(method: M, input: ParsedInputOf<M>): string | null {
  const rule = MANAGER_ACTIONS[method] as Rule<M> | undefined;
  if (rule === undefined) return null;
  return typeof rule === 'string' ? rule : rule(input);
}
