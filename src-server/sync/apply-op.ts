import type { WireKind } from '../../src-shared/domain/change-kinds.js';
import { isMainStatus, STATUS_LABELS } from '../../src-shared/domain/status.js';
import { canonicalTrackingNo } from '../../src-shared/domain/tracking.js';
import { applyEffects, transitionEffects } from '../../src-shared/domain/transition-effects.js';
import { transition } from '../../src-shared/domain/transitions.js';
import type { FieldValues, WireItem, WireOp, WireOpOf } from '../../src-shared/sync/protocol.js';
import type { ClientIdentity } from '../auth.js';
import { deriveMoney } from './validate-ops.js';
import type { OrderRow } from '../orders/load.js';
import { stockFollowsStatus } from '../stock/status-stock.js';
import type { StockWorking } from '../stock/working.js';

/** The server's copy of one order while a push is applied to it. */
export interface Working {
  row: OrderRow;
  items?: WireItem[];
  changed: boolean;
  departedFrom: Set<string>;
}

export interface HistoryDraft {
  at: string;
  actor: string;
  storeId: string | null;
  pcId: string;
  kind: string;
  from: string | null;
  to: string | null;
  reason: string;
}

type Outcome = { ok: true; history: HistoryDraft | null } | { ok: false; reason: string };

export const NOT_YOURS =
  'この注文はこの店舗の担当ではなくなりました（別の店舗に割り当てられたか、サーバーにまだありません）。';

/** A store PC sees its store's orders; head office sees every order (SPEC §5). */
export function canSee(client: ClientIdentity, storeId: string | null): boolean {
  return client.isHeadOffice || (storeId !== null && storeId === client.storeId);
}

/** The history row of an op: its store and PC are the token's, whatever the op names. */
function historyOf(op: WireOp, client: ClientIdentity, from: string | null, to: string | null): HistoryDraft {
  return {
    at: op.at,
    actor: op.actor.operator,
    storeId: client.storeId,
    pcId: client.name,
    kind: op.kind,
    from,
    to,
    reason: op.reason,
  };
}

function describe(row: OrderRow): string {
  const status = isMainStatus(row.status) ? STATUS_LABELS[row.status] : row.status;
  return `現在のサーバー上の状態は「${status}」です。`;
}

/**
 * Tracking numbers held by parcels waiting to ship (出荷待ち), for the numbers a push
 * registers: a number another parcel holds is refused here as on the PC (its unique index),
 * so no PC ever pulls two waiting parcels with one number. A parcel is a bundle or one order.
 */
export class ParcelNumbers {
  private readonly holders = new Map<string, Map<string, string>>();

  constructor(rows: readonly Pick<OrderRow, 'channel' | 'orderNo' | 'trackingNo' | 'bundleGroup' | 'status'>[]) {
    for (const row of rows) this.follow(null, row);
  }

  private static parcel(row: Pick<OrderRow, 'channel' | 'orderNo' | 'bundleGroup'>): string {
    return row.bundleGroup ?? `${row.channel}\u0000${row.orderNo}`;
  }

  private static held(row: Pick<OrderRow, 'trackingNo' | 'status'>): string | null {
    return row.status === 'awaiting_shipment' && row.trackingNo ? canonicalTrackingNo(row.trackingNo) : null;
  }

  /** The order number of another parcel holding `trackingNo`, if one does. */
  takenBy(trackingNo: string, row: OrderRow): string | null {
    const parcel = ParcelNumbers.parcel(row);
    for (const [other, orderNo] of this.holders.get(canonicalTrackingNo(trackingNo)) ?? []) {
      if (other !== parcel) return orderNo;
    }
    return null;
  }

  /** Keeps the holders up to date as an order changes within the push. */
  follow(
    before: { trackingNo: string | null; status: string } | null,
    row: OrderRow | ConstructorParameters<typeof ParcelNumbers>[0][number],
  ): void {
    const parcel = ParcelNumbers.parcel(row);
    const old = before ? ParcelNumbers.held(before) : null;
    if (old) this.holders.get(old)?.delete(parcel);
    const now = ParcelNumbers.held(row);
    if (now) {
      const holders = this.holders.get(now) ?? new Map<string, string>();
      holders.set(parcel, row.orderNo);
      this.holders.set(now, holders);
    }
  }
}

/** Judged with the same transition table as the PCs; the move's columns by transitionEffects. */
function applyStatus(
  op: WireOpOf<'status'>,
  work: Working,
  client: ClientIdentity,
  numbers: ParcelNumbers,
  stock: StockWorking,
): Outcome {
  const row = work.row;
  if (!isMainStatus(row.status)) return { ok: false, reason: 'サーバー上の注文の状態が不明です。' };
  const target = op.target ?? (op.operation === 'bulk_set_status' && op.to && isMainStatus(op.to) ? op.to : undefined);
  if (op.operation === 'register_tracking' && !op.trackingNo) return { ok: false, reason: '送り状番号がありません。' };
  const judged = transition(row.status, op.operation, { needsPaymentConfirmation: row.needsPayment, target });
  if (!judged.ok) return { ok: false, reason: `${judged.reason}${describe(row)}` };
  const heldBy = op.trackingNo && judged.to === 'awaiting_shipment' ? numbers.takenBy(op.trackingNo, row) : null;
  if (heldBy) {
    return {
      ok: false,
      reason: `送り状番号 ${op.trackingNo} はすでに注文 ${heldBy} に登録されています。送り状を確かめてください。`,
    };
  }
  const refusal = stockFollowsStatus(op, row, judged.to, stock, client);
  if (refusal) return { ok: false, reason: refusal };
  const from = row.status;
  const before = { trackingNo: row.trackingNo, status: row.status };
  applyEffects(
    row,
    transitionEffects(judged.to, {
      at: op.at,
      paidAt: op.paidAt,
      reason: op.reason,
      trackingNo: op.trackingNo,
      carrier: op.carrier,
    }),
  );
  numbers.follow(before, row);
  return { ok: true, history: historyOf(op, client, from, judged.to) };
}

/**
 * A field operation: the values its kind may carry (change-bodies.ts); its money derived
 * from the lines rather than trusted (deriveMoney).
 */
function applyFields(op: WireOp & { fields: Partial<FieldValues> }, work: Working, client: ClientIdentity): Outcome {
  const money = deriveMoney(op.fields, work.row, work.items);
  if (money && !money.ok) return { ok: false, reason: money.reason };
  const { items, ...columns } = op.fields;
  if ('storeId' in columns && columns.storeId !== work.row.storeId && work.row.storeId !== null) {
    work.departedFrom.add(work.row.storeId);
  }
  Object.assign(work.row, columns);
  if (money) Object.assign(work.row, { subtotal: money.subtotal, total: money.total });
  if (items) work.items = items;
  return { ok: true, history: historyOf(op, client, op.from, op.to) };
}

/** A mail-sent mark counts only for the status whose mail it was (S5). */
function applyMailMark(op: WireOpOf<'mail'> | WireOpOf<'mail_state'>, work: Working, client: ClientIdentity): Outcome {
  if (op.mailStatus === work.row.status) work.row.mailPending = op.fields.mailPending;
  return { ok: true, history: historyOf(op, client, op.from, op.to) };
}

type Applier<K extends WireKind> = (
  op: WireOpOf<K>,
  work: Working,
  client: ClientIdentity,
  numbers: ParcelNumbers,
  stock: StockWorking,
) => Outcome;

/** How the server applies each kind of change: a kind without its rule here does not compile. */
const APPLIERS: { [K in WireKind]: Applier<K> } = {
  // The order exists now (made by this op or known already): nothing more to do.
  create: () => ({ ok: true, history: null }),
  status: applyStatus,
  sub_status: applyFields,
  store: applyFields,
  buyer_rating: applyFields,
  unit_price: applyFields,
  discount: applyFields,
  shipping_fee: applyFields,
  cod_fee: applyFields,
  subtotal: applyFields,
  total: applyFields,
  order_comment: applyFields,
  staff_comment: applyFields,
  delivery_wish: applyFields,
  // The server's copy takes the new 送付先 as the PC wrote it (its bundle key is the PC's concern).
  ship_to: (op, work, client) => {
    Object.assign(work.row, op.fields);
    return { ok: true, history: historyOf(op, client, op.from, op.to) };
  },
  bundle: applyFields,
  split: applyFields,
  // 再送注文: the shipped order only records it; the new order came by its own 'create'.
  resend: (op, _work, client) => ({ ok: true, history: historyOf(op, client, op.from, op.to) }),
  import_update: applyFields,
  mail: applyMailMark,
  mail_state: applyMailMark,
  print: (op, _work, client) => ({ ok: true, history: historyOf(op, client, op.from, op.to) }),
  packing: (op, _work, client) => ({ ok: true, history: historyOf(op, client, op.from, op.to) }),
  // A notice the channel already accepted stays 送信済; otherwise the file stands for it.
  ship_notice_file: (op, work, client) => {
    if (work.row.shipNotice !== 'sent') work.row.shipNotice = 'file';
    return { ok: true, history: historyOf(op, client, op.from, op.to) };
  },
};

/** Judges one operation against the server's copy of its order and applies it there. */
export function applyOne(
  op: WireOp,
  work: Working,
  client: ClientIdentity,
  numbers: ParcelNumbers,
  stock: StockWorking,
): Outcome {
  if (op.kind !== 'create' && !canSee(client, work.row.storeId)) return { ok: false, reason: NOT_YOURS };
  return (APPLIERS[op.kind] as Applier<WireKind>)(op, work, client, numbers, stock);
}
