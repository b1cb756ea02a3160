import type BetterSqlite3 from 'better-sqlite3';
import type { BulkChangeResult } from '../../src-shared/api/bulk.js';
import { UserError } from '../../src-shared/api/errors.js';
import { CHANNEL_LABELS, type Channel } from '../../src-shared/domain/channels.js';
import { STATUS_LABELS, isMainStatus, type MainStatus } from '../../src-shared/domain/status.js';
import type { Actor } from '../core/context.js';
import { Journal } from '../core/journal.js';

/** The columns a bulk change judges an order by. */
interface BulkOrder {
  id: number;
  orderNo: string;
  channel: Channel;
  status: MainStatus;
  storeId: string | null;
  subStatusId: number | null;
  buyerRating: number;
}

/** How one order fares: refused with a reason, already as asked, or changed. */
type Verdict = { refuse: string } | 'unchanged' | 'change';

interface BulkRule {
  judge(order: BulkOrder): Verdict;
  /** Writes the change of one allowed order; the caller records it in the journal. */
  write(order: BulkOrder, at: string): void;
  /** History kind and reason, the values before/after as text, and the payload for the server. */
  kind: string;
  reason: string;
  from(order: BulkOrder): string | null;
  to: string | null;
  payload: Record<string, unknown>;
}

const MAX_LISTED_REFUSALS = 1000;
const NOT_FOUND = '注文が見つかりません（削除されたか、他の店舗に移動しました）。';
/** Orders that are done with: their shipping store and sub-status no longer change. */
const CLOSED: readonly MainStatus[] = ['shipped', 'cancelled'];

function ratingText(on: boolean | number): string {
  return on ? 'する' : 'しない';
}

/**
 * Bulk changes of the checked orders (E5 出荷店舗, E6/E7 落札者評価, E10 サブステータス):
 * every order judged, the allowed ones written with their history row and outbox entry in
 * ONE transaction (all or nothing on a failure), refused ones listed with their reason.
 */
export class BulkChanges {
  private readonly journal: Journal;
  private readonly loadStmt: BetterSqlite3.Statement;
  private readonly storeStmt: BetterSqlite3.Statement;
  private readonly ratingStmt: BetterSqlite3.Statement;
  private readonly subStatusStmt: BetterSqlite3.Statement;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.journal = new Journal(sqlite);
    this.loadStmt = sqlite.prepare(
      `SELECT id, order_no AS orderNo, channel, status, store_id AS storeId, sub_status_id AS subStatusId,
         buyer_rating AS buyerRating
       FROM orders WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    );
    const touch = 'updated_at = @at, version = version + 1 WHERE id = @id';
    this.storeStmt = sqlite.prepare(`UPDATE orders SET store_id = @value, ${touch}`);
    this.ratingStmt = sqlite.prepare(`UPDATE orders SET buyer_rating = @value, ${touch}`);
    this.subStatusStmt = sqlite.prepare(`UPDATE orders SET sub_status_id = @value, ${touch}`);
  }

  setStore(orderIds: readonly number[], storeId: string | null, actor: Actor, now: Date): BulkChangeResult {
    const store = storeId
      ? (this.sqlite.prepare('SELECT name FROM stores WHERE id = ?').get(storeId) as { name: string } | undefined)
      : null;
    if (storeId && !store) throw new UserError('指定した出荷店舗が見つかりません。店舗一覧から選び直してください。');
    return this.run(orderIds, actor, now, {
      judge: (o) =>
        CLOSED.includes(o.status)
          ? { refuse: `「${STATUS_LABELS[o.status]}」の注文は出荷店舗を変更できません。` }
          : o.storeId === storeId
            ? 'unchanged'
            : 'change',
      write: (o, at) => this.storeStmt.run({ id: o.id, value: storeId, at }),
      kind: 'store',
      reason: 'E5 出荷店舗一括指定',
      from: (o) => o.storeId,
      to: storeId,
      payload: { storeId },
    });
  }

  setRating(orderIds: readonly number[], rating: boolean, actor: Actor, now: Date): BulkChangeResult {
    return this.run(orderIds, actor, now, {
      judge: (o) =>
        o.channel !== 'yahoo_auction'
          ? { refuse: `${CHANNEL_LABELS[o.channel] ?? o.channel}の注文です。落札者評価はYahoo!オークションの注文だけに設定できます。` }
          : Boolean(o.buyerRating) === rating
            ? 'unchanged'
            : 'change',
      write: (o, at) => this.ratingStmt.run({ id: o.id, value: rating ? 1 : 0, at }),
      kind: 'buyer_rating',
      reason: '落札者評価設定',
      from: (o) => ratingText(o.buyerRating),
      to: ratingText(rating),
      payload: { buyerRating: rating },
    });
  }

  setSubStatus(orderIds: readonly number[], subStatusId: number | null, actor: Actor, now: Date): BulkChangeResult {
    const sub = subStatusId
      ? (this.sqlite.prepare('SELECT main_status AS mainStatus, name, retired_at AS retiredAt FROM sub_statuses WHERE id = ?').get(subStatusId) as
          | { mainStatus: string; name: string; retiredAt: string | null }
          | undefined)
      : null;
    if (subStatusId && !sub) throw new UserError('指定したサブステータスが見つかりません。一覧を開き直して選び直してください。');
    if (sub?.retiredAt) throw new UserError(`サブステータス「${sub.name}」は廃止されています。別のサブステータスを選んでください。`);
    const forStatus = sub && isMainStatus(sub.mainStatus) ? STATUS_LABELS[sub.mainStatus] : '';
    return this.run(orderIds, actor, now, {
      judge: (o) => {
        if (sub && o.status !== sub.mainStatus) {
          return { refuse: `サブステータス「${sub.name}」は「${forStatus}」の注文用です（この注文は「${STATUS_LABELS[o.status]}」）。` };
        }
        return o.subStatusId === subStatusId ? 'unchanged' : 'change';
      },
      write: (o, at) => this.subStatusStmt.run({ id: o.id, value: subStatusId, at }),
      kind: 'sub_status',
      reason: 'E10 サブステータス一括変更',
      from: (o) => (o.subStatusId === null ? null : String(o.subStatusId)),
      to: subStatusId === null ? null : String(subStatusId),
      payload: { subStatusId },
    });
  }

  private run(orderIds: readonly number[], actor: Actor, now: Date, rule: BulkRule): BulkChangeResult {
    const at = now.toISOString();
    const wanted = [...new Set(orderIds)];
    return this.sqlite.transaction(() => {
      const orders = this.loadStmt.all(JSON.stringify(wanted)) as BulkOrder[];
      const result: BulkChangeResult = { applied: 0, unchanged: 0, refused: [], refusedCount: 0 };
      const refuse = (orderId: number, orderNo: string, reason: string) => {
        result.refusedCount += 1;
        if (result.refused.length < MAX_LISTED_REFUSALS) result.refused.push({ orderId, orderNo, reason });
      };
      const found = new Set<number>();
      // In id order, so that the writes walk the table once instead of jumping around it.
      for (const order of orders) {
        found.add(order.id);
        const verdict = rule.judge(order);
        if (verdict === 'unchanged') {
          result.unchanged += 1;
        } else if (verdict !== 'change') {
          refuse(order.id, order.orderNo, verdict.refuse);
        } else {
          rule.write(order, at);
          this.journal.record(
            {
              orderId: order.id,
              kind: rule.kind,
              from: rule.from(order),
              to: rule.to,
              reason: rule.reason,
              payload: { orderNo: order.orderNo, ...rule.payload },
            },
            actor,
            at,
          );
          result.applied += 1;
        }
      }
      for (const id of wanted) if (!found.has(id)) refuse(id, String(id), NOT_FOUND);
      return result;
    })();
  }
}
