import type { AppEvent } from '../../src-shared/api/events.js';
import type { MethodName, OutputOf, ParsedInputOf } from '../../src-shared/api/index.js';

/** The event a write announces once it has committed, from its answer; null when it changed nothing. */
type Announce<M extends MethodName> = (
  output: OutputOf<M>,
  input: ParsedInputOf<M>,
) => AppEvent | readonly AppEvent[] | null;

const ORDERS_CHANGED: AppEvent = { type: 'orders:changed' };
const MASTERS_CHANGED: AppEvent = { type: 'masters:changed' };
const STOCK_CHANGED: AppEvent = { type: 'stock:changed' };
const always = () => ORDERS_CHANGED;
const whenApplied = (result: { applied: number }) => (result.applied > 0 ? ORDERS_CHANGED : null);
const masters = () => MASTERS_CHANGED;
const stock = () => STOCK_CHANGED;

/**
 * The methods that write, and what each tells the screens: dispatch() emits it after the
 * handler has returned, so after its transaction committed, and only when something was
 * written. Every method not listed is a read. The screens refresh on these events only.
 * Work that runs outside dispatch (a sync run, the nightly purge) announces itself, and so
 * does a mail batch: its progress, and its end even when it stops part-way with mails sent.
 */
const WRITE_EVENTS: { [M in MethodName]?: Announce<M> } = {
  'detail:save': (saved, { id }) => (saved.changes.length > 0 ? { type: 'orders:changed', orderIds: [id] } : null),
  'bundle:create': always,
  'split:order': always,
  // A 再送注文 reserves its units as it is made.
  'resend:order': () => [ORDERS_CHANGED, STOCK_CHANGED],
  'bundle:dissolve': always,
  'bulk:setStore': whenApplied,
  'bulk:setRating': whenApplied,
  'bulk:setStatus': whenApplied,
  'bulk:setSubStatus': whenApplied,
  'operations:confirmPayment': whenApplied,
  'operations:registerTracking': whenApplied,
  'operations:confirmShipment': whenApplied,
  'operations:scan': whenApplied,
  'operations:cancel': whenApplied,
  // A stock check reserves units: the 在庫一覧 changes with the orders.
  'stock:check': (result) => (result.applied > 0 ? [ORDERS_CHANGED, STOCK_CHANGED] : null),
  'stock:registerShortage': whenApplied,
  'stock:adjust': stock,
  'stock:importCommit': stock,
  'shipFiles:export': (result) => (result.marked > 0 ? ORDERS_CHANGED : null),
  'carriers:importCommit': (result) => (result.registered > 0 ? ORDERS_CHANGED : null),
  'imports:commit': (result) => (result.inserted + result.updated > 0 ? ORDERS_CHANGED : null),
  'mail:markShippingSent': whenApplied,
  'mail:confirmSent': always,
  'mail:saveReminderDays': always,
  'mail:savePolicy': always,
  'settings:saveGeneral': always,
  'sync:saveSettings': always,
  'demo:load': always,
  'backup:restore': always,
  'subStatus:add': masters,
  'subStatus:update': masters,
  'subStatus:reorder': masters,
  'subStatus:setRetired': masters,
};

/** The events of a method's answer: none unless it is a write that changed something. */
export function writeEvents<M extends MethodName>(
  method: M,
  output: OutputOf<M>,
  input: ParsedInputOf<M>,
): readonly AppEvent[] {
  const announce = WRITE_EVENTS[method] as Announce<M> | undefined;
  const events = announce ? announce(output, input) : null;
  return events === null ? [] : Array.isArray(events) ? events : [events as AppEvent];
}
