import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../../src-shared/api/errors.js';
import type { ResendInput, ResendResult } from '../../src-shared/api/resend.js';
import type { OrderRecord } from '../../src-shared/domain/order-fields.js';
import { resendOrderNo } from '../../src-shared/domain/order-links.js';
import { STATUS_LABELS, type MainStatus } from '../../src-shared/domain/status.js';
import { describeShortLines } from '../../src-shared/domain/stock.js';
import type { Actor } from '../core/app-context.js';
import { Journal } from '../core/journal.js';
import { DerivedOrders, pickedUnits, type OrderLine } from '../orders/derived-orders.js';
import type { StockService } from '../stock/service.js';

/** The shipped order's lines the clerk picked, at ¥0; refused when none is. */
function resentLines(orderNo: string, items: readonly OrderLine[], picked: ResendInput['lines']): OrderLine[] {
  const units = pickedUnits(orderNo, items, picked, '再送でき');
  const lines = items
    .filter((item) => (units.get(item.lineNo) ?? 0) > 0)
    .map((item) => ({ ...item, quantity: units.get(item.lineNo)!, unitPrice: 0 }));
  if (lines.length === 0) throw new UserError('再送する商品の数量を1つ以上指定してください。', 'nothing');
  return lines;
}

/**
 * 再送注文 (F4): chosen lines of a shipped order go to the same buyer again as a new ¥0 order
 * of the same channel, numbered `<チャネル注文番号>-R1`, `-R2`, …, that names its 再送元 and
 * keeps the channel's order number (channel_order_no) for 出荷通知, mail and label files. It
 * asks no payment, and is stock-checked as it is made like any new order (StockService): with
 * its units reserved it stands at 入金済, ready for picking, 送り状 and 出荷確定; when the store
 * lacks them it waits at 新規 for 欠品登録 or a later 在庫確認. A refusal changes nothing.
 */
export class OrderResendService {
  private readonly journal: Journal;
  private readonly orders: DerivedOrders;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly stock: StockService,
  ) {
    this.journal = new Journal(sqlite);
    this.orders = new DerivedOrders(sqlite);
  }

  resend(input: ResendInput, actor: Actor, now: Date): ResendResult {
    return this.sqlite.transaction(() => this.resendNow(input, actor, now)).immediate();
  }

  private resendNow(input: ResendInput, actor: Actor, now: Date): ResendResult {
    const at = now.toISOString();
    const { record: original, items } = this.orders.load(input.orderId);
    if (original.status !== 'shipped')
      throw new UserError(
        `再送注文は出荷済の注文からだけ作成できます（注文 ${original.orderNo} は${STATUS_LABELS[original.status as MainStatus] ?? original.status}です）。`,
        'not_shipped',
      );
    if (original.piiPurgedAt) throw new UserError('個人情報を削除した注文からは再送注文を作成できません。', 'purged');
    const lines = resentLines(original.orderNo, items, input.lines);

    const channelOrderNo = original.channelOrderNo ?? original.orderNo;
    const newOrderNo = this.orders.freeNumber(original.channel, 1, (n) => resendOrderNo(channelOrderNo, n));
    const reason = (input.reason ?? '').trim();
    const created: OrderRecord = {
      ...original,
      orderNo: newOrderNo,
      channelOrderNo,
      splitFrom: original.orderNo,
      needsPayment: false,
      subtotal: 0,
      discount: 0,
      shippingFee: 0,
      codFee: 0,
      total: 0,
      amountsUnknown: false,
      orderComment: '',
      staffComment: `再送注文（再送元 ${original.orderNo}）${reason ? `: ${reason}` : ''}`,
      carrier: null,
      trackingNo: null,
      bundleGroup: null,
      status: 'new',
      subStatusId: null,
      mailPending: false,
      paidAt: null,
      shippedAt: null,
      cancelledAt: null,
      cancelReason: null,
      shipNotice: null,
      channelNote: '',
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    const newId = this.orders.insert(created, lines);
    const what = lines.map((l) => `${l.sku}×${l.quantity}`).join('、');
    const why = reason ? `（理由: ${reason}）` : '';
    this.journal.record(
      {
        orderId: input.orderId,
        orderNo: original.orderNo,
        change: { kind: 'resend' },
        from: null,
        to: null,
        reason: `再送注文を作成: ${newOrderNo}（${what}）${why}`,
      },
      actor,
      at,
    );
    this.orders.recordCreated(
      { id: newId, record: created },
      `再送注文を作成（再送元 ${original.orderNo}）${why}`,
      actor,
      at,
    );

    const checked = this.stock.check([newId], actor, now);
    const short = checked.shortages.find((s) => s.orderId === newId);
    return {
      orderNo: original.orderNo,
      newOrderId: newId,
      newOrderNo,
      units: lines.reduce((n, l) => n + l.quantity, 0),
      reserved: checked.applied > 0,
      short: short ? describeShortLines(short.lines) : (checked.refused[0]?.reason ?? ''),
    };
  }
}
