import { UserError } from '../../src-shared/api/errors.js';
import type { MailLogEntry } from '../../src-shared/api/mail.js';
import type { BulkResult } from '../../src-shared/domain/order.js';
import { STATUS_LABELS } from '../../src-shared/domain/status.js';
import type { Handlers } from '../core/dispatch.js';
import type { ServiceContext } from '../core/context.js';
import { Journal } from '../core/journal.js';
import { reminderCutoffs } from '../orders/handlers.js';
import { loadMailOrders } from './mail-order.js';
import type { StoredEntry } from './mail-log.js';
import { planRetry } from './retry.js';
import { blockedReason, isJob, planReminders, planStatusMail } from './rules.js';

/** A Japan-time calendar day's start, as the UTC instant the log is stored in. */
function jstDayStart(ymd: string, addDays = 0): string {
  return new Date(new Date(`${ymd}T00:00:00+09:00`).getTime() + addDays * 86_400_000).toISOString();
}

function withActions(ctx: ServiceContext, entry: StoredEntry): MailLogEntry {
  const { mail } = ctx.services;
  const order = loadMailOrders(ctx.database.sqlite, [entry.orderId]).get(entry.orderId);
  return { ...entry, canRetry: isJob(planRetry(entry, order, mail.log)), canConfirm: entry.result === 'unknown' };
}

function entryOrThrow(ctx: ServiceContext, id: number): StoredEntry {
  const entry = ctx.services.mail.log.entry(id);
  if (!entry) throw new UserError('送信ログが見つかりません。一覧を更新してください。', 'not_found');
  return entry;
}

/** E12 出荷メール一括処理済変更: the shipping mail counts as sent, without sending (logged). */
function markShippingSent(ctx: ServiceContext, orderIds: number[]): BulkResult {
  const { sqlite } = ctx.database;
  const orders = loadMailOrders(sqlite, orderIds);
  const log = ctx.services.mail.log;
  const journal = new Journal(sqlite);
  const actor = ctx.actor();
  const at = ctx.clock.now().toISOString();
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
          reason: '注文が見つかりません（削除されたか、他の店舗に移動しました）。',
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
  if (result.applied > 0) ctx.emit({ type: 'orders:changed' });
  return result;
}

export const mailHandlers: Handlers<
  | 'mail:send'
  | 'mail:retry'
  | 'mail:confirmSent'
  | 'mail:log'
  | 'mail:logEntry'
  | 'mail:orderMails'
  | 'mail:markShippingSent'
> = {
  'mail:send': ({ orderIds, purpose }, ctx) => {
    const { mail } = ctx.services;
    if (purpose === 'status') {
      return mail.run(ctx, orderIds, (orders, ids) =>
        ids.map((id) => {
          const order = orders.get(id);
          return order
            ? planStatusMail(order, mail.log)
            : { orderId: id, orderNo: String(id), reason: '注文が見つかりません。' };
        }),
      );
    }
    const cutoffs = reminderCutoffs(ctx);
    const days = ctx.settings.get('reminderDays');
    return mail.run(ctx, orderIds, (orders, ids) =>
      ids.flatMap((id) => {
        const order = orders.get(id);
        return order
          ? planReminders(order, mail.log, cutoffs, days)
          : [{ orderId: id, orderNo: String(id), reason: '注文が見つかりません。' }];
      }),
    );
  },
  'mail:retry': ({ logIds }, ctx) => {
    const { mail } = ctx.services;
    const entries = [...new Set(logIds)].map((id) => mail.log.entry(id)).filter((e): e is StoredEntry => !!e);
    if (entries.length === 0)
      throw new UserError('再送するメールが見つかりません。送信ログを更新してください。', 'not_found');
    return mail.run(
      ctx,
      entries.map((e) => e.orderId),
      (orders, ids) => {
        const part = new Set(ids);
        return entries.filter((e) => part.has(e.orderId)).map((e) => planRetry(e, orders.get(e.orderId), mail.log));
      },
    );
  },
  'mail:confirmSent': ({ id }, ctx) => {
    const entry = entryOrThrow(ctx, id);
    if (entry.result !== 'unknown')
      throw new UserError('送信済にできるのは「結果不明」のメールだけです。', 'invalid_state');
    ctx.services.mail.log.confirmSent(id, ctx.clock.now().toISOString());
    ctx.emit({ type: 'orders:changed' });
    return withActions(ctx, entryOrThrow(ctx, id));
  },
  'mail:log': (input, ctx) =>
    ctx.services.mail.log.search({
      orderNo: input.orderNo,
      fromIso: input.from ? jstDayStart(input.from) : undefined,
      toIso: input.to ? jstDayStart(input.to, 1) : undefined,
      result: input.result,
      offset: input.offset,
      limit: input.limit,
    }),
  'mail:logEntry': ({ id }, ctx) => withActions(ctx, entryOrThrow(ctx, id)),
  'mail:orderMails': ({ orderId }, ctx) => {
    const order = loadMailOrders(ctx.database.sqlite, [orderId]).get(orderId);
    if (!order) throw new UserError('注文が見つかりません。', 'not_found');
    return { rows: ctx.services.mail.log.byOrder(orderId), blockedReason: blockedReason(order) };
  },
  'mail:markShippingSent': ({ orderIds }, ctx) => markShippingSent(ctx, orderIds),
};
