import type BetterSqlite3 from 'better-sqlite3';
import type { z } from 'zod';
import type { BundleInfo, EditableOrderDetail, FieldChange, detailSaveInput } from '../../src-shared/api/detail.js';
import { orderGoneError, UserError } from '../../src-shared/api/errors.js';
import { formatYen, subtotalOf } from '../../src-shared/domain/money.js';
import { STATUS_LABELS } from '../../src-shared/domain/status.js';
import type { Actor } from '../core/app-context.js';
import { prepareAll } from '../core/statements.js';
import type { OrderQueries } from '../orders/queries.js';
import { OrderEditor } from './editor.js';
import { postalCodeWarning } from '../../src-node/postal-code-check.js';
import { POSTAL_WARNING } from '../../src-shared/api/detail.js';
import { normalizeShipTo, shipToError, type ShipTo } from '../../src-shared/domain/ship-to.js';

type SaveInput = z.output<typeof detailSaveInput>;

/**
 * A new 郵便番号 that Japan Post gives to another 都道府県 / 市区町村 stops the save with a
 * warning the form shows; the clerk may save anyway (acceptPostalWarning).
 */
function warnPostalCode({ order }: EditableOrderDetail, shipTo: ShipTo): void {
  const { postalCode, prefecture, address1 } = order.shipTo;
  if (postalCode === shipTo.shipPostalCode && prefecture === shipTo.shipPrefecture && address1 === shipTo.shipAddress1)
    return;
  const warning = postalCodeWarning({
    postalCode: shipTo.shipPostalCode,
    prefecture: shipTo.shipPrefecture,
    address1: shipTo.shipAddress1,
  });
  if (warning) throw new UserError(warning, POSTAL_WARNING);
}

/** The form's 送付先 as stored, or the clerk's error: nothing is written when it is wrong. */
function validShipTo(input: ShipTo): ShipTo {
  const shipTo = normalizeShipTo(input);
  const error = shipToError(shipTo);
  if (error) throw new UserError(error, 'invalid_ship_to');
  return shipTo;
}

/** F12 注文詳細 (S16): reads an order for the form and saves its edits. */
export class DetailService {
  readonly editor: OrderEditor;
  private readonly sql: Record<
    'extra' | 'members' | 'reservations' | 'shortages' | 'subStatus',
    BetterSqlite3.Statement
  >;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly orders: OrderQueries,
  ) {
    this.editor = new OrderEditor(sqlite);
    this.sql = prepareAll(sqlite, {
      extra: `SELECT o.version, o.cancel_reason AS cancelReason, coalesce(pm.is_cod, 0) AS isCod
        FROM orders o LEFT JOIN payment_methods pm ON pm.code = o.payment_method WHERE o.id = ?`,
      members: `SELECT id, order_no AS orderNo, shipping_fee AS shippingFee, cod_fee AS codFee
        FROM orders WHERE bundle_group = ? ORDER BY ordered_at, id`,
      reservations: 'SELECT sku, quantity FROM stock_reservations WHERE order_id = ? ORDER BY sku',
      shortages: `SELECT sku, needed, available, registered_at AS registeredAt, resolved_at AS resolvedAt
        FROM stock_shortages WHERE order_id = ? ORDER BY id`,
      subStatus: 'SELECT main_status AS mainStatus, name, retired_at AS retiredAt FROM sub_statuses WHERE id = ?',
    });
  }

  get(id: number): EditableOrderDetail {
    const order = this.orders.get(id);
    if (!order) throw orderGoneError();
    const extra = this.sql.extra.get(id) as { version: number; cancelReason: string | null; isCod: number };
    const bundle: BundleInfo | null = order.bundleGroup
      ? { group: order.bundleGroup, members: this.sql.members.all(order.bundleGroup) as BundleInfo['members'] }
      : null;
    return {
      order,
      history: this.orders.history(id),
      version: extra.version,
      cancelReason: extra.cancelReason,
      isCod: extra.isCod === 1,
      bundle,
      reservations: this.sql.reservations.all(id) as EditableOrderDetail['reservations'],
      shortages: this.sql.shortages.all(id) as EditableOrderDetail['shortages'],
    };
  }

  /** Validates everything first, then writes in one transaction: bad input changes nothing. */
  save(input: SaveInput, actor: Actor, now: Date): { detail: EditableOrderDetail; changes: FieldChange[] } {
    const changes = this.sqlite
      .transaction(() => {
        const current = this.get(input.id);
        this.validate(current, input);
        const shipTo = input.shipTo ? validShipTo(input.shipTo) : null;
        if (shipTo && !input.acceptPostalWarning) warnPostalCode(current, shipTo);
        const at = now.toISOString();
        const reason = '注文詳細で変更';
        const { order } = current;
        const out: FieldChange[] = [];
        // The first price the clerk types for an order of unknown amounts makes them known.
        let unknown = order.amountsUnknown;
        for (const { lineNo, unitPrice } of input.unitPrices) {
          const change = this.editor.setUnitPrice(
            order.id,
            order.orderNo,
            lineNo,
            unitPrice,
            reason,
            actor,
            at,
            unknown,
          );
          if (change) out.push(change);
          if (change) unknown = false;
        }
        const fields = {
          discount: input.discount,
          shippingFee: input.shippingFee,
          codFee: input.codFee,
          orderComment: input.orderComment,
          staffComment: input.staffComment,
          subStatusId: input.subStatusId,
          ...(input.deliveryDate === undefined ? {} : { deliveryDate: input.deliveryDate }),
          ...(input.deliveryTimeSlot === undefined ? {} : { deliveryTimeSlot: input.deliveryTimeSlot }),
          ...(input.deliveryMethod === undefined ? {} : { deliveryMethod: input.deliveryMethod }),
        };
        if (shipTo) {
          const change = this.editor.setShipTo(order.id, shipTo, reason, actor, at);
          if (change) out.push(change);
        }
        out.push(...this.editor.update(order.id, fields, reason, actor, at));
        return out;
      })
      .immediate();
    return { detail: this.get(input.id), changes };
  }

  private validate({ order, version, isCod }: EditableOrderDetail, input: SaveInput): void {
    if (version !== input.version) {
      throw new UserError(
        'この注文は開いた後に他の操作で変更されました。注文詳細を開き直してから、もう一度変更してください。',
        'stale',
      );
    }
    const prices = new Map(order.items.map((item) => [item.lineNo, item.unitPrice]));
    for (const { lineNo } of input.unitPrices) {
      if (!prices.has(lineNo))
        throw new UserError(`${lineNo}行目の商品がありません。注文詳細を開き直してください。`, 'invalid_line');
    }
    for (const { lineNo, unitPrice } of input.unitPrices) prices.set(lineNo, unitPrice);
    const moneyChanged =
      input.unitPrices.some(
        ({ lineNo, unitPrice }) => order.items.find((i) => i.lineNo === lineNo)?.unitPrice !== unitPrice,
      ) ||
      input.discount !== order.discount ||
      input.shippingFee !== order.shippingFee ||
      input.codFee !== order.codFee;
    if (moneyChanged && (order.status === 'shipped' || order.status === 'cancelled')) {
      throw new UserError(
        `「${STATUS_LABELS[order.status]}」の注文の金額は変更できません。コメントとサブステータスは変更できます。`,
        'closed',
      );
    }
    if (order.bundleGroup && (input.shippingFee !== order.shippingFee || input.codFee !== order.codFee)) {
      throw new UserError(
        '同梱中の注文の送料・代引手数料は変更できません。F10 同梱設定で同梱を解除してから変更してください。',
        'bundled',
      );
    }
    if (input.codFee > 0 && input.codFee !== order.codFee && !isCod) {
      throw new UserError('代金引換ではない注文に代引手数料は設定できません。', 'not_cod');
    }
    const subtotal = subtotalOf(
      order.items.map((item) => ({ quantity: item.quantity, unitPrice: prices.get(item.lineNo)! })),
    );
    if (input.discount > subtotal) {
      throw new UserError(
        `値引（${formatYen(input.discount)}）が小計（${formatYen(subtotal)}）を超えています。合計がマイナスにならないよう値引を見直してください。`,
        'negative_total',
      );
    }
    if (input.subStatusId !== null && input.subStatusId !== order.subStatusId) {
      const sub = this.sql.subStatus.get(input.subStatusId) as
        { mainStatus: string; name: string; retiredAt: string | null } | undefined;
      if (!sub || sub.mainStatus !== order.status) {
        throw new UserError(
          `「${STATUS_LABELS[order.status]}」のサブステータスから選んでください。`,
          'invalid_sub_status',
        );
      }
      if (sub.retiredAt)
        throw new UserError(
          `サブステータス「${sub.name}」は使用を終了しています。ほかのサブステータスを選んでください。`,
          'retired',
        );
    }
  }
}
