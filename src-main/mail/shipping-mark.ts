import type BetterSqlite3 from 'better-sqlite3';
import { ORDER_GONE } from '../../src-shared/api/errors.js';
import type { BulkResult } from '../../src-shared/domain/order.js';
import { STATUS_LABELS } from '../../src-shared/domain/status.js';
import type { Actor } from '../core/app-context.js';
import { Journal } from '../core/journal.js';
import type { MailLog } from './mail-log.js';
import { loadMailOrders } from './mail-order.js';

/**
 * E12 出荷メール一括処理済変更: the shipping mail of 出荷済 orders counts as sent without
 * sending (logged as marked, journaled as a mail mark), in one transaction; an order whose
 * mail already went out, or whose last send has an unknown result, is refused with the reason.
 */
export function markShippingSent(
  sqlite: BetterSqlite3.Database,
  log: MailLog,
  orderIds: readonly number[],
  actor: Actor,
  now: Date,
): BulkResult {
  const orders = loadMailOrders(sqlite, orderIds);
  const journal = new Journal(sqlite);
  const at = now.toISOString();
  const insert = sqlite.prepare(
    `INSERT INTO mail_log (order_id, kind, main_status, recipient, subject, body, result, error, created_at, finished_at, actor)
     VALUES (?, 'shipped', 'shipped', ?, '（送信なし）', '', 'marked', 'E12 出荷メール一括処理済変更', ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const clear = sqlite.prepare('UPDATE orders SET mail_pending = 0 WHERE id = ?');
  const result: BulkResult = { applied: 0, refused: [] };
  sqlite.transaction(() => {
    for (const id of new Set(orderIds)) {
      const order = orders.get(id);
      if (!order) {
        result.refused.push({
          orderId: id,
          orderNo: String(id),
          reason: ORDER_GONE,
        });
        continue;
      }
      if (order.status !== 'shipped') {
        result.refused.push({
          orderId: id,
          orderNo: order.orderNo,
          reason: `出荷メールを処理済にできるのは「出荷済」の注文だけです（現在「${STATUS_LABELS[order.status]}」）。`,
        });
        continue;
      }
      const claim = log.statusClaim(id, 'shipped', 'shipped');
      if (claim || !order.mailPending) {
        const reason =
          claim?.result === 'unknown'
            ? '前回の発送完了メールの結果が不明です。F8 送信ログ照会で確認してください。'
            : '発送完了メールは送信済み（または処理済）です。';
        result.refused.push({ orderId: id, orderNo: order.orderNo, reason });
        continue;
      }
      if (insert.run(id, order.email, at, at, actor.operator).changes === 0) continue;
      clear.run(id);
      journal.record(
        {
          orderId: id,
          orderNo: order.orderNo,
          change: { kind: 'mail', mailStatus: 'shipped', fields: { mailPending: false } },
          from: null,
          to: 'shipped',
          reason: 'E12 出荷メール一括処理済変更（送信なし）',
        },
        actor,
        at,
      );
      result.applied += 1;
    }
  })();
  return result;
}
