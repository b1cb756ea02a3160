import type BetterSqlite3 from 'better-sqlite3';
import type { PackingOrder, PackingScanResult } from '../../src-shared/api/packing.js';
import { UserError } from '../../src-shared/api/errors.js';
import { isPacked, normalizeItemCode, scanPackingItem, type PackingLine } from '../../src-shared/domain/packing.js';
import type { BulkResult } from '../../src-shared/domain/order.js';
import type { MainStatus } from '../../src-shared/domain/status.js';
import type { Actor } from '../core/app-context.js';
import { Journal } from '../core/journal.js';
import { prepareAll } from '../core/statements.js';

interface OrderHead {
  orderId: number;
  orderNo: string;
  buyerName: string;
  trackingNo: string | null;
  status: MainStatus;
}

interface ItemRow {
  sku: string;
  title: string;
  ordered: number;
  jan: string;
}

/** What 出荷確定 asks of 検品 (OperationsService and ShipScanner hold it). */
export type PackingGate = Pick<PackingService, 'unpacked'>;

/** The history's value of a finished 検品 (kind `packing`, from empty). */
const PACKED_MARK = '検品済';
/** The history's value of 検品やり直し: scans and 検品済 before it no longer count. */
const RESET_MARK = '検品やり直し';
/** Only the packing rows after the order's last 検品やり直し count. */
const SINCE_RESET = `id > coalesce((SELECT max(id) FROM order_history
  WHERE order_id = @id AND kind = 'packing' AND from_value IS NULL AND to_value = '${RESET_MARK}'), 0)`;

/**
 * 検品 (packing-table scan): the clerk scans the order's barcode (its number, as the picking
 * list and 納品書 print it), then each item by JAN or 商品コード. Every accepted scan and the
 * completion are rows of the order's history (kind `packing`: from the 商品コード, to
 * scanned/ordered), which is also where the counts are read back from.
 */
export class PackingService {
  private readonly journal: Journal;
  private readonly sql: Record<
    'byNo' | 'byId' | 'items' | 'scans' | 'packed' | 'store' | 'bundled',
    BetterSqlite3.Statement
  >;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    /** The stores whose 出荷確定 waits for 検品 (the setting, read at each check). */
    private readonly requiredStores: () => readonly string[] = () => [],
  ) {
    this.journal = new Journal(sqlite);
    const head =
      'SELECT id AS orderId, order_no AS orderNo, buyer_name AS buyerName, tracking_no AS trackingNo, status FROM orders';
    this.sql = prepareAll(sqlite, {
      byNo: `${head} WHERE order_no = ? ORDER BY ordered_at, id LIMIT 2`,
      byId: `${head} WHERE id = ?`,
      items: `SELECT i.sku, i.title, i.quantity AS ordered, coalesce(s.jan, '') AS jan
        FROM order_items i JOIN orders o ON o.id = i.order_id
        LEFT JOIN stock s ON s.sku = i.sku AND s.store_id = o.store_id
        WHERE i.order_id = ? ORDER BY i.line_no`,
      scans: `SELECT from_value AS sku, count(*) AS n FROM order_history
        WHERE order_id = @id AND kind = 'packing' AND from_value IS NOT NULL AND ${SINCE_RESET} GROUP BY from_value`,
      store: { pluck: 'SELECT store_id FROM orders WHERE id = ?' },
      packed: {
        pluck: `SELECT EXISTS (SELECT 1 FROM order_history WHERE order_id = @id AND kind = 'packing'
          AND from_value IS NULL AND to_value = '${PACKED_MARK}' AND ${SINCE_RESET})`,
      },
      // The other open orders of its 同梱: 出荷確定 ships them with it.
      bundled: `SELECT b.id, b.order_no AS orderNo FROM orders o JOIN orders b ON b.bundle_group = o.bundle_group
        WHERE o.id = ? AND b.id <> o.id AND b.status NOT IN ('shipped', 'cancelled') ORDER BY b.id`,
    });
  }

  /** Opens an order by its barcode (the order number); refuses one that must not be packed. */
  open(rawCode: string): PackingOrder {
    const code = normalizeItemCode(rawCode);
    const found = this.sql.byNo.all(code) as OrderHead[];
    if (found.length === 0) {
      throw new UserError(
        `${code} に該当する注文がありません。ピッキングリストか納品書のバーコードをスキャンしてください。`,
      );
    }
    if (found.length > 1) throw new UserError(`注文番号 ${code} の注文が複数あります。注文一覧から確かめてください。`);
    return this.orderOf(this.checked(found[0]!));
  }

  /** True when the order's 検品 was completed (a 検品済 row in its history). */
  isPacked(orderId: number): boolean {
    return this.sql.packed.get({ id: orderId }) === 1;
  }

  /**
   * 「検品してから出荷確定する」: the orders of the given ones that may not be shipped yet (their
   * store asks for 検品 and their history has no 検品済), each with the reason in Japanese.
   */
  unpacked(orders: readonly { id: number; orderNo: string }[]): BulkResult['refused'] {
    const stores = this.requiredStores();
    if (stores.length === 0) return [];
    const unchecked = (id: number) => stores.includes(this.sql.store.get(id) as string) && !this.isPacked(id);
    return orders.flatMap((o) => {
      if (unchecked(o.id)) {
        return [
          {
            orderId: o.id,
            orderNo: o.orderNo,
            reason: '検品が済んでいないため出荷確定できません。検品してから出荷確定してください。',
          },
        ];
      }
      // 出荷確定 ships the whole 同梱: each of its orders must be 検品済 too.
      const members = (this.sql.bundled.all(o.id) as { id: number; orderNo: string }[]).filter((m) => unchecked(m.id));
      if (members.length === 0) return [];
      const names = members.map((m) => m.orderNo).join('、');
      return [
        {
          orderId: o.id,
          orderNo: o.orderNo,
          reason: `同梱の注文 ${names} の検品が済んでいないため出荷確定できません。同梱の注文も検品してから出荷確定してください。`,
        },
      ];
    });
  }

  /**
   * 検品やり直し: the order's scans and 検品済 stop counting (one history row, synced), so the
   * clerk scans its items again. A shipped or cancelled order is refused.
   */
  reset(orderId: number, actor: Actor, now: Date): PackingOrder {
    return this.sqlite
      .transaction((): PackingOrder => {
        const head = this.checked(this.sql.byId.get(orderId) as OrderHead | undefined);
        this.journal.record(
          { orderId, orderNo: head.orderNo, change: { kind: 'packing' }, from: null, to: RESET_MARK, reason: '' },
          actor,
          now.toISOString(),
        );
        return this.orderOf(head);
      })
      .immediate();
  }

  /** Records one item scan; a wrong item or one too many changes nothing. */
  scan(orderId: number, rawCode: string, actor: Actor, now: Date): PackingScanResult {
    return this.sqlite
      .transaction((): PackingScanResult => {
        const head = this.checked(this.sql.byId.get(orderId) as OrderHead | undefined);
        const before = this.orderOf(head);
        if (before.packed) {
          return {
            outcome: 'too_many',
            message: '検品済の注文です。送り状番号をスキャンして出荷確定してください。',
            order: before,
          };
        }
        const result = scanPackingItem(before.lines, rawCode);
        if (result.outcome !== 'ticked' && result.outcome !== 'complete') {
          return { outcome: result.outcome, message: result.message, order: before };
        }
        const line = result.lines[result.lineIndex]!;
        const at = now.toISOString();
        const record = (from: string | null, to: string) =>
          this.journal.record(
            { orderId, orderNo: head.orderNo, change: { kind: 'packing' }, from, to, reason: '' },
            actor,
            at,
          );
        record(line.sku, `${line.scanned}/${line.ordered}`);
        if (result.outcome === 'complete') record(null, PACKED_MARK);
        return { outcome: result.outcome, message: result.message, order: this.orderOf(head) };
      })
      .immediate();
  }

  private checked(head: OrderHead | undefined): OrderHead {
    if (!head) throw new UserError('注文が見つかりません。');
    if (head.status === 'cancelled') {
      throw new UserError(`キャンセル済の注文です。出荷しないでください: ${head.orderNo}`);
    }
    if (head.status === 'shipped') throw new UserError(`すでに出荷確定済みです: ${head.orderNo}`);
    return head;
  }

  /** The order's lines with the scans its history holds (a SKU on two lines fills them in order). */
  private orderOf(head: OrderHead): PackingOrder {
    const left = new Map(
      (this.sql.scans.all({ id: head.orderId }) as { sku: string; n: number }[]).map((r) => [r.sku, r.n]),
    );
    const lines: PackingLine[] = (this.sql.items.all(head.orderId) as ItemRow[]).map((item) => {
      const scanned = Math.min(item.ordered, left.get(item.sku) ?? 0);
      left.set(item.sku, (left.get(item.sku) ?? 0) - scanned);
      return {
        sku: item.sku,
        jan: item.jan === '' ? null : item.jan,
        title: item.title,
        ordered: item.ordered,
        scanned,
      };
    });
    const { orderId, orderNo, buyerName, trackingNo } = head;
    return { orderId, orderNo, buyerName, trackingNo, lines, packed: isPacked(lines) || this.isPacked(orderId) };
  }
}
