import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { UserError } from '../../src-shared/api/errors.js';
import type { FileUpload } from '../../src-shared/api/files.js';
import type { ImportPreview, ImportResult } from '../../src-shared/api/imports.js';
import type { Channel } from '../../src-shared/domain/channels.js';
import { subtotalOf, totalOf } from '../../src-shared/domain/money.js';
import type { NewOrder } from '../../src-shared/domain/order.js';
import { rows, type ServerDb } from '../db/open.js';
import { readOrderFiles } from '../orders/csv-intake.js';
import { intakeOrders } from '../orders/intake.js';

/** A preview is kept this long for its 取込, and only the newest few. */
const KEPT_MS = 30 * 60_000;
const KEPT = 8;

interface Kept {
  accountId: number;
  at: number;
  orders: NewOrder[];
  rejected: number;
  source: string;
}

/**
 * A channel file uploaded in the console (取込): read as F1 reads it, previewed against the
 * server's orders (new, already on the server, rejected), then taken in through the intake
 * path — idempotent on channel + order number, so a second 取込 of the same file adds nothing.
 */
export class IntakeUploads {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly db: ServerDb,
    private readonly notify: () => void,
  ) {}

  async preview(
    input: { files: FileUpload[]; channel: Channel; storeId: string | null },
    account: { id: number; login: string },
  ): Promise<ImportPreview> {
    if (input.storeId) {
      const [store] = await rows(this.db, sql`SELECT 1 FROM stores WHERE id = ${input.storeId}`);
      if (!store) throw new UserError('出荷店舗が見つかりません。');
    }
    const read = await readOrderFiles(this.db, input);
    const known = new Set(
      (
        await rows<{ key: string }>(
          this.db,
          sql`SELECT o.channel || ':' || o.order_no AS key FROM orders o
              JOIN jsonb_to_recordset(${JSON.stringify(read.orders.map((o) => ({ c: o.channel, n: o.orderNo })))}::jsonb)
                AS k(c text, n text) ON o.channel = k.c AND o.order_no = k.n`,
        )
      ).map((r) => r.key),
    );
    const fresh = read.orders.filter((o) => !known.has(`${o.channel}:${o.orderNo}`));
    const existing = read.orders.filter((o) => known.has(`${o.channel}:${o.orderNo}`));
    const previewId = randomUUID();
    const now = Date.now();
    for (const [id, k] of this.kept) if (now - k.at > KEPT_MS || this.kept.size >= KEPT) this.kept.delete(id);
    this.kept.set(previewId, {
      accountId: account.id,
      at: now,
      orders: fresh,
      rejected: read.rejected.length,
      source: `本部コンソール取込（${account.login}：${read.files.map((f) => f.name).join('、')}）`,
    });
    return {
      kind: 'preview',
      previewId,
      layout: read.layout,
      channel: read.orders[0]?.channel ?? input.channel,
      files: read.files,
      counts: { new: fresh.length, updated: 0, unchanged: existing.length, rejected: read.rejected.length },
      newOrders: fresh.slice(0, 500).map((o) => ({
        orderNo: o.orderNo,
        buyerName: o.buyer.name,
        items: o.items.length,
        total: totalOf({ ...o, subtotal: subtotalOf(o.items) }),
      })),
      updates: [],
      unchanged: existing
        .slice(0, 500)
        .map((o) => ({ orderNo: o.orderNo, note: '中央サーバーに登録済み（変更しません）' })),
      rejected: read.rejected,
    };
  }

  async commit(previewId: string, account: { id: number }, now: Date): Promise<ImportResult> {
    const kept = this.kept.get(previewId);
    if (!kept || kept.accountId !== account.id || Date.now() - kept.at > KEPT_MS)
      throw new UserError(
        '確認画面の有効期限が切れました。ファイルを選び直して、もう一度確認してください。何も取り込んでいません。',
      );
    this.kept.delete(previewId);
    const result = await intakeOrders(this.db, kept.orders, kept.source, now, this.notify);
    return {
      inserted: result.created,
      updated: 0,
      unchanged: result.duplicates.length,
      rejected: kept.rejected,
    };
  }
}
