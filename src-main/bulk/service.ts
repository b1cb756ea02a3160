import { withDeferredCheckpoint } from '../db/deferred-checkpoint.js';
import type BetterSqlite3 from 'better-sqlite3';
import type { BulkChangeResult } from '../../src-shared/api/bulk.js';
import { UserError } from '../../src-shared/api/errors.js';
import { CHANNEL_LABELS, type Channel } from '../../src-shared/domain/channels.js';
import { STATUS_LABELS, isMainStatus, type MainStatus } from '../../src-shared/domain/status.js';
import type { Actor } from '../core/app-context.js';
import { Journal } from '../core/journal.js';
import type { Change } from '../../src-shared/sync/change-bodies.js';

/** What a refusal's reason is written from. */
interface RefusedOrder {
  id: number;
  orderNo: string;
  channel: Channel;
  status: MainStatus;
  /** The rule's code for why (its `refusal` SQL). */
  refusal: string;
  /** The value before (the rule's `fromSql`). */
  fromValue: string | null;
}

/**
 * One kind of bulk change, as SQL over `orders o` so that 100,000 orders cost a handful of
 * statements, not several per order. Parameters are named; `@value` is the new value.
 */
interface BulkRule {
  /** Why an order may not take the change: SQL giving a short code, NULL when it may. */
  refusal: string;
  /** The refusal in words (written for the first refusals only). */
  reason(order: RefusedOrder): string;
  /** Orders that already have the value. */
  unchangedWhere: string;
  /** The value before, as the history shows it. */
  fromSql: string;
  /** The SET clause of the change. */
  set: string;
  params: Record<string, string | number | null>;
  change: Change;
  to: string | null;
  historyReason: string;
}

const MAX_LISTED_REFUSALS = 1000;
const NOT_FOUND = '注文が見つかりません（削除されたか、他の店舗に移動しました）。';

/**
 * Bulk changes of the checked orders (E5 出荷店舗, E6/E7 落札者評価, E10 サブステータス):
 * every order judged, the allowed ones written with their history row and outbox entry in
 * ONE transaction (all or nothing on a failure), refused ones listed with their reason.
 */
export class BulkChanges {
  private readonly journal: Journal;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.journal = new Journal(sqlite);
    sqlite.exec(
      `CREATE TEMP TABLE IF NOT EXISTS bulk_target (order_id INTEGER PRIMARY KEY, order_no TEXT NOT NULL, channel TEXT NOT NULL,
         status TEXT NOT NULL, from_value TEXT, refusal TEXT, verdict TEXT NOT NULL)`,
    );
  }

  /**
   * E5. An order given to another store leaves this PC's list (and, once synced, its
   * database), so one holding units of its store's stock (在庫確認 reserved them) or shipping
   * in a bundle (同梱) keeps its store: either would be left behind half-done.
   */
  setStore(orderIds: readonly number[], storeId: string | null, actor: Actor, now: Date): BulkChangeResult {
    if (storeId && !this.sqlite.prepare('SELECT 1 FROM stores WHERE id = ?').get(storeId)) {
      throw new UserError('指定した出荷店舗が見つかりません。店舗一覧から選び直してください。');
    }
    const storeNames = new Map(this.sqlite.prepare('SELECT id, name FROM stores').raw().all() as [string, string][]);
    const reasons: Record<string, (o: RefusedOrder) => string> = {
      status: (o) => `「${STATUS_LABELS[o.status]}」の注文は出荷店舗を変更できません。`,
      bundle: () =>
        '同梱している注文です。同梱の注文は一緒に出荷するため、出荷店舗を変えるには先に F10 同梱設定で同梱を解除してください。',
      reserved: (o) => {
        const store = storeNames.get(o.fromValue ?? '') ?? o.fromValue ?? '';
        return `「${store}」の在庫を引き当て済みの注文です。出荷店舗を変えると引き当てた在庫が宙に浮くため変更できません。この注文は${store}から出荷してください（出荷しない場合は注文取消で在庫を戻せます）。`;
      },
    };
    return this.run(orderIds, actor, now, {
      refusal: `CASE WHEN o.status IN ('shipped', 'cancelled') THEN 'status'
        WHEN o.store_id IS @value THEN NULL
        WHEN o.bundle_group IS NOT NULL THEN 'bundle'
        WHEN EXISTS (SELECT 1 FROM stock_reservations r WHERE r.order_id = o.id) THEN 'reserved' END`,
      reason: (o) => reasons[o.refusal]!(o),
      unchangedWhere: 'o.store_id IS @value',
      fromSql: 'o.store_id',
      set: 'store_id = @value',
      params: { value: storeId },
      change: { kind: 'store', fields: { storeId } },
      to: storeId,
      historyReason: 'E5 出荷店舗一括指定',
    });
  }

  setRating(orderIds: readonly number[], rating: boolean, actor: Actor, now: Date): BulkChangeResult {
    return this.run(orderIds, actor, now, {
      refusal: `CASE WHEN o.channel <> 'yahoo_auction' THEN 'channel' END`,
      reason: (o) =>
        `${CHANNEL_LABELS[o.channel] ?? o.channel}の注文です。落札者評価はYahoo!オークションの注文だけに設定できます。`,
      unchangedWhere: 'o.buyer_rating = @value',
      fromSql: `CASE o.buyer_rating WHEN 1 THEN 'する' ELSE 'しない' END`,
      set: 'buyer_rating = @value',
      params: { value: rating ? 1 : 0 },
      change: { kind: 'buyer_rating', fields: { buyerRating: rating } },
      to: rating ? 'する' : 'しない',
      historyReason: '落札者評価設定',
    });
  }

  setSubStatus(orderIds: readonly number[], subStatusId: number | null, actor: Actor, now: Date): BulkChangeResult {
    const sub = subStatusId
      ? (this.sqlite
          .prepare('SELECT main_status AS mainStatus, name, retired_at AS retiredAt FROM sub_statuses WHERE id = ?')
          .get(subStatusId) as { mainStatus: string; name: string; retiredAt: string | null } | undefined)
      : null;
    if (subStatusId && !sub)
      throw new UserError('指定したサブステータスが見つかりません。一覧を開き直して選び直してください。');
    if (sub?.retiredAt)
      throw new UserError(`サブステータス「${sub.name}」は廃止されています。別のサブステータスを選んでください。`);
    const forStatus = sub && isMainStatus(sub.mainStatus) ? STATUS_LABELS[sub.mainStatus] : '';
    return this.run(orderIds, actor, now, {
      // Clearing (null) suits every main status; a sub-status only its own.
      refusal: sub ? `CASE WHEN o.status <> @mainStatus THEN 'status' END` : 'NULL',
      reason: (o) =>
        `サブステータス「${sub?.name ?? ''}」は「${forStatus}」の注文用です（この注文は「${STATUS_LABELS[o.status]}」）。`,
      unchangedWhere: 'o.sub_status_id IS @value',
      fromSql: 'CAST(o.sub_status_id AS TEXT)',
      set: 'sub_status_id = @value',
      params: { value: subStatusId, mainStatus: sub?.mainStatus ?? '' },
      change: { kind: 'sub_status', fields: { subStatusId } },
      to: subStatusId === null ? null : String(subStatusId),
      historyReason: 'E10 サブステータス一括変更',
    });
  }

  /** See withDeferredCheckpoint: a large change's checkpoint runs after the answer. */
  private run(orderIds: readonly number[], actor: Actor, now: Date, rule: BulkRule): BulkChangeResult {
    return withDeferredCheckpoint(this.sqlite, orderIds.length, () => this.change(orderIds, actor, now, rule));
  }

  private change(orderIds: readonly number[], actor: Actor, now: Date, rule: BulkRule): BulkChangeResult {
    const at = now.toISOString();
    const unique = [...new Set(orderIds)];
    const params = { ...rule.params, ids: JSON.stringify(unique), at };
    return this.sqlite.transaction(() => {
      // One pass over the asked orders (their rows are wide and scattered, so every pass
      // costs): each is judged and kept with what the history needs.
      this.sqlite.exec('DELETE FROM temp.bulk_target');
      const found = this.sqlite
        .prepare(
          `INSERT INTO temp.bulk_target (order_id, order_no, channel, status, from_value, refusal, verdict)
           SELECT id, order_no, channel, status, from_value, refusal,
             CASE WHEN refusal IS NOT NULL THEN 'refused' WHEN unchanged THEN 'unchanged' ELSE 'change' END
           FROM (SELECT o.id, o.order_no, o.channel, o.status, ${rule.fromSql} AS from_value, ${rule.refusal} AS refusal,
               (${rule.unchangedWhere}) AS unchanged
             FROM orders o WHERE o.id IN (SELECT value FROM json_each(@ids)) ORDER BY o.id)`,
        )
        .run(params).changes;
      const verdicts = Object.fromEntries(
        (
          this.sqlite.prepare('SELECT verdict, count(*) AS n FROM temp.bulk_target GROUP BY verdict').all() as {
            verdict: string;
            n: number;
          }[]
        ).map((r) => [r.verdict, r.n]),
      ) as Partial<Record<'refused' | 'unchanged' | 'change', number>>;
      const refused = (
        this.sqlite
          .prepare(
            `SELECT order_id AS id, order_no AS orderNo, channel, status, refusal, from_value AS fromValue FROM temp.bulk_target
             WHERE verdict = 'refused' ORDER BY order_id LIMIT ${MAX_LISTED_REFUSALS}`,
          )
          .all() as RefusedOrder[]
      ).map((o) => ({ orderId: o.id, orderNo: o.orderNo, reason: rule.reason(o) }));
      // Ids no longer here (deleted, or moved to another store by a sync): only looked for when some are.
      const missing =
        found === unique.length
          ? []
          : (this.sqlite
              .prepare('SELECT value FROM json_each(@ids) WHERE value NOT IN (SELECT order_id FROM temp.bulk_target)')
              .pluck()
              .all(params) as number[]);
      for (const id of missing.slice(0, MAX_LISTED_REFUSALS - refused.length)) {
        refused.push({ orderId: id, orderNo: String(id), reason: NOT_FOUND });
      }
      const applied = verdicts.change ?? 0;
      if (applied > 0) {
        const changing = "SELECT order_id, order_no, from_value FROM temp.bulk_target WHERE verdict = 'change'";
        this.journal.recordEach(changing, { change: rule.change, to: rule.to, reason: rule.historyReason }, actor, at);
        this.sqlite
          .prepare(
            // UPDATE … FROM walks the targets in id order and finds each row by its id.
            `UPDATE orders SET ${rule.set}, updated_at = @at, version = version + 1
             FROM temp.bulk_target AS t WHERE t.verdict = 'change' AND orders.id = t.order_id`,
          )
          .run(params);
      }
      this.sqlite.exec('DELETE FROM temp.bulk_target');
      return {
        applied,
        unchanged: verdicts.unchanged ?? 0,
        refused,
        refusedCount: (verdicts.refused ?? 0) + missing.length,
      };
    })();
  }
}
