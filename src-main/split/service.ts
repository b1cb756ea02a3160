import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../../src-shared/api/errors.js';
import type { SplitInput, SplitResult } from '../../src-shared/api/split.js';
import { subtotalOf, totalOf } from '../../src-shared/domain/money.js';
import type { OrderRecord } from '../../src-shared/domain/order-fields.js';
import type { Actor } from '../core/app-context.js';
import { Journal } from '../core/journal.js';
import { prepareAll } from '../core/statements.js';
import { DerivedOrders, pickedUnits, type OrderLine } from '../orders/derived-orders.js';
import { StockLedger } from '../stock/ledger.js';

const SQL = {
  setQuantity: 'UPDATE order_items SET quantity = ? WHERE order_id = ? AND line_no = ?',
  deleteLine: 'DELETE FROM order_items WHERE order_id = ? AND line_no = ?',
  setMoney: `UPDATE orders SET shipping_fee = @shippingFee, cod_fee = @codFee, subtotal = @subtotal, total = @total,
             updated_at = @at, version = version + 1 WHERE id = @id`,
  held: 'SELECT quantity FROM stock_reservations WHERE order_id = ? AND sku = ? AND store_id = ?',
} as const;

type Line = OrderLine;

/** The order's lines split by the clerk's quantities: what stays and what moves, refused when either side is empty. */
function divide(orderNo: string, items: readonly Line[], wanted: SplitInput['lines']) {
  const moving = pickedUnits(orderNo, items, wanted, '移せ');
  const kept: Line[] = [];
  const moved: Line[] = [];
  for (const item of items) {
    const move = moving.get(item.lineNo) ?? 0;
    if (item.quantity - move > 0) kept.push({ ...item, quantity: item.quantity - move });
    if (move > 0) moved.push({ ...item, lineNo: moved.length + 1, quantity: move });
  }
  if (moved.length === 0) throw new UserError('新しい注文に移す商品の数量を1つ以上指定してください。', 'nothing');
  if (kept.length === 0)
    throw new UserError('元の注文に商品を1つ以上残してください（すべてを移すと分割になりません）。', 'everything');
  return { kept, moved, moving };
}

/**
 * 注文分割 (F4): chosen lines or quantities of an open order become a new order of the same
 * channel and buyer, numbered `<チャネル注文番号>-2`, `-3`, …, that ships on its own with its own
 * tracking number. Both keep the channel's order number (channel_order_no) for 出荷通知, mail and
 * label files; the new one names its 分割元. Reserved stock moves with the units (the store's
 * reserved count unchanged, a ledger row each). One transaction; a refusal changes nothing.
 */
export class OrderSplitService {
  private readonly sql: Record<keyof typeof SQL, BetterSqlite3.Statement>;
  private readonly journal: Journal;
  private readonly ledger: StockLedger;
  private readonly orders: DerivedOrders;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.sql = prepareAll(sqlite, SQL);
    this.orders = new DerivedOrders(sqlite);
    this.journal = new Journal(sqlite);
    this.ledger = new StockLedger(sqlite);
  }

  split(input: SplitInput, actor: Actor, now: Date): SplitResult {
    return this.sqlite.transaction(() => this.splitNow(input, actor, now.toISOString())).immediate();
  }

  private splitNow(input: SplitInput, actor: Actor, at: string): SplitResult {
    const { record: original, items } = this.orders.load(input.orderId);
    if (original.status === 'shipped') throw new UserError('出荷済の注文は分割できません。', 'shipped');
    if (original.status === 'cancelled') throw new UserError('キャンセル済の注文は分割できません。', 'cancelled');
    if (original.bundleGroup)
      throw new UserError('同梱中の注文は分割できません。先に同梱を解除してください。', 'bundled');
    const { kept, moved, moving } = divide(original.orderNo, items, input.lines);

    const channelOrderNo = original.channelOrderNo ?? original.orderNo;
    const newOrderNo = this.orders.freeNumber(original.channel, 2, (n) => `${channelOrderNo}-${n}`);
    const moveShipping = input.moveShippingFee === true;
    const moveCod = input.moveCodFee === true;
    const fees = (moves: boolean, fee: number) => (moves ? [0, fee] : [fee, 0]);
    const [keptShipping, newShipping] = fees(moveShipping, original.shippingFee);
    const [keptCod, newCod] = fees(moveCod, original.codFee);

    const newSubtotal = subtotalOf(moved);
    const created: OrderRecord = {
      ...original,
      orderNo: newOrderNo,
      channelOrderNo,
      splitFrom: original.orderNo,
      subtotal: newSubtotal,
      discount: 0,
      shippingFee: newShipping!,
      codFee: newCod!,
      total: totalOf({ subtotal: newSubtotal, discount: 0, shippingFee: newShipping!, codFee: newCod! }),
      // A part waiting for its parcel gets its own number: it goes back to 入金済 until then.
      status: original.status === 'awaiting_shipment' ? 'paid' : original.status,
      trackingNo: null,
      mailPending: false,
      shipNotice: null,
      channelNote: '',
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    const newId = this.orders.insert(created, moved);
    for (const item of items) {
      const left = kept.find((k) => k.lineNo === item.lineNo);
      if (!left) this.sql.deleteLine.run(input.orderId, item.lineNo);
      else if (left.quantity !== item.quantity) this.sql.setQuantity.run(left.quantity, input.orderId, item.lineNo);
    }
    const subtotal = subtotalOf(kept);
    const money = {
      shippingFee: keptShipping!,
      codFee: keptCod!,
      subtotal,
      total: totalOf({ subtotal, discount: original.discount, shippingFee: keptShipping!, codFee: keptCod! }),
    };
    if (money.total < 0)
      throw new UserError('値引が残る商品の金額を超えるため分割できません。値引を見直してください。', 'discount');
    this.sql.setMoney.run({ ...money, at, id: input.orderId });

    const newOrder = { id: newId, no: newOrderNo };
    const movedReserved = this.moveReservations(input.orderId, newOrder, original, items, moving, at, actor);
    const units = moved.reduce((n, l) => n + l.quantity, 0);
    const reason = `注文分割: ${moved.map((l) => `${l.sku}×${l.quantity}`).join('、')} を ${newOrderNo} へ`;
    this.journal.record(
      {
        orderId: input.orderId,
        orderNo: original.orderNo,
        change: { kind: 'split', fields: { items: kept, ...money } },
        from: original.orderNo,
        to: newOrderNo,
        reason,
      },
      actor,
      at,
    );
    this.orders.recordCreated(
      { id: newId, record: created },
      `注文分割で作成（分割元 ${original.orderNo}）`,
      actor,
      at,
    );
    return { orderNo: original.orderNo, newOrderId: newId, newOrderNo, movedUnits: units, movedReserved };
  }

  /** Reserved units of the moved quantities follow them to the new order. */
  private moveReservations(
    from: number,
    to: { id: number; no: string },
    original: OrderRecord,
    items: readonly Line[],
    moving: ReadonlyMap<number, number>,
    at: string,
    actor: Actor,
  ): number {
    if (!original.storeId) return 0;
    const bySku = new Map<string, number>();
    for (const item of items) {
      const move = moving.get(item.lineNo) ?? 0;
      if (move > 0) bySku.set(item.sku, (bySku.get(item.sku) ?? 0) + move);
    }
    let total = 0;
    const cause = { at, actor, reason: `注文分割（${original.orderNo} から）`, order: to };
    for (const [sku, want] of bySku) {
      const held = (this.sql.held.pluck().get(from, sku, original.storeId) as number | undefined) ?? 0;
      const quantity = Math.min(held, want);
      if (quantity <= 0) continue;
      this.ledger.transfer(from, to.id, sku, original.storeId, quantity, cause);
      total += quantity;
    }
    return total;
  }
}
