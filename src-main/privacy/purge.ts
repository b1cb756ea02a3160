import { rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type BetterSqlite3 from 'better-sqlite3';
import { PII_FIELDS } from '../../src-shared/domain/order-fields.js';
import { PII_PURGE_REASON, PII_RETENTION_DAYS } from '../../src-shared/domain/privacy.js';
import type { Actor, AppContext } from '../core/app-context.js';
import type { ClerkActivity } from '../core/clerk-activity.js';
import { DAY_MS } from '../../src-shared/text/jst.js';
import { documentsDir } from '../printing/documents.js';

interface PurgeResult {
  orders: number;
  mails: number;
  /** Kept documents (picking lists, delivery notes) deleted because they held erased data. */
  files: string[];
}

interface Due {
  id: number;
  orderNo: string;
  values: string[];
}

/** Every personal column of the field table (src-shared/domain/order-fields.ts). */
const PII_COLUMNS = PII_FIELDS.map((f) => f.column);
const ERASED_MAIL = '（個人情報保護のため、出荷日から30日を過ぎた Amazon 注文のメール本文を削除しました）';

/** Every string in a JSON value that equals one of `values`, blanked. */
function blank(value: unknown, values: Set<string>): unknown {
  if (typeof value === 'string') return values.has(value) ? '' : value;
  if (Array.isArray(value)) return value.map((v) => blank(v, values));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blank(v, values)]));
  return value;
}

/**
 * S3 on this PC: 30 days after the ship date, an Amazon order's buyer and ship-to personal
 * fields are erased — in the order, in the mail log (recipient and body; the name in the
 * subject), in the import snapshot, and in any kept PDF listing it (deleted). Order number,
 * items and money stay. Each purge is recorded in the order's history. Idempotent.
 */
export function purgeLocalPii(
  sqlite: BetterSqlite3.Database,
  now: Date,
  actor: Actor,
  documentFolders: readonly string[],
): PurgeResult {
  const total: PurgeResult = { orders: 0, mails: 0, files: [] };
  for (let after = 0; after >= 0;) {
    const step = purgeChunk(sqlite, now, actor, after, CHUNK, documentFolders);
    total.orders += step.result.orders;
    total.mails += step.result.mails;
    total.files.push(...step.result.files);
    after = step.lastId;
  }
  return total;
}

const CHUNK = 500;

/** Kept documents listing any of `orderIds`, per order: one pass over the print jobs. */
function keptFilesByOrder(sqlite: BetterSqlite3.Database, orderIds: readonly number[]): Map<number, string[]> {
  const rows = sqlite
    .prepare(
      `SELECT DISTINCT j.value AS orderId, p.file_path AS file FROM print_jobs p, json_each(p.order_ids) j
       WHERE p.file_path <> '' AND j.value IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(orderIds)) as { orderId: number; file: string }[];
  const byOrder = new Map<number, string[]>();
  for (const { orderId, file } of rows) byOrder.set(orderId, [...(byOrder.get(orderId) ?? []), file]);
  return byOrder;
}

/**
 * Whether `file` lies inside one of the app's documents folders. A print job's path comes
 * from the database, which a restored or copied backup may have written: the purge deletes
 * only the app's own documents, never a file named anywhere else.
 */
function isOwnDocument(file: string, folders: readonly string[]): boolean {
  const resolved = path.resolve(file);
  return (
    path.extname(resolved).toLowerCase() === '.pdf' &&
    folders.some((folder) => path.dirname(resolved) === path.resolve(folder))
  );
}

/**
 * One transaction over the next `limit` due orders after `afterId` (in id order, so each
 * step reads only up to its own matches, never the whole table again). lastId is -1 when
 * done. Every lookup per order goes through a key: a store's mail log, import snapshots
 * and print history grow with its orders.
 */
function purgeChunk(
  sqlite: BetterSqlite3.Database,
  now: Date,
  actor: Actor,
  afterId: number,
  limit: number,
  documentFolders: readonly string[],
): { result: PurgeResult; lastId: number } {
  const cutoff = new Date(now.getTime() - PII_RETENTION_DAYS * DAY_MS).toISOString();
  const at = now.toISOString();
  const result: PurgeResult = { orders: 0, mails: 0, files: [] };
  let lastId = -1;
  const tables = new Set(
    sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[],
  );
  const filesToDelete: string[] = [];
  sqlite.transaction(() => {
    const due = (
      sqlite
        .prepare(
          `SELECT id, order_no AS orderNo, ${PII_COLUMNS.join(', ')} FROM orders
           WHERE id > ? AND channel = 'amazon' AND pii_purged_at IS NULL AND shipped_at IS NOT NULL AND shipped_at < ?
           ORDER BY id LIMIT ?`,
        )
        .all(afterId, cutoff, limit) as Record<string, string | number>[]
    ).map((r): Due => ({
      id: Number(r.id),
      orderNo: String(r.orderNo),
      values: PII_COLUMNS.map((c) => String(r[c] ?? '')).filter((v) => v.length > 1),
    }));
    if (due.length === 0) return;
    if (due.length === limit) lastId = due[due.length - 1]!.id;
    const erase = sqlite.prepare(
      // No mail can reach a buyer whose address is gone: the order leaves メール未送信.
      `UPDATE orders SET ${PII_COLUMNS.map((c) => `${c} = ''`).join(', ')}, mail_pending = 0, pii_purged_at = ?, updated_at = ? WHERE id = ?`,
    );
    const history = sqlite.prepare(
      `INSERT INTO order_history (order_id, at, actor, store_id, pc_id, kind, from_value, to_value, reason) VALUES (?, ?, 'システム', ?, ?, 'pii_purge', NULL, NULL, ?)`,
    );
    const mails = tables.has('mail_log') ? sqlite.prepare('SELECT id, subject FROM mail_log WHERE order_id = ?') : null;
    const eraseMail = tables.has('mail_log')
      ? sqlite.prepare('UPDATE mail_log SET recipient = ?, subject = ?, body = ? WHERE id = ?')
      : null;
    // By the snapshot's key (the order's channel and number), not a scan for its order_id.
    const snapshot = tables.has('import_records')
      ? sqlite.prepare("SELECT rowid, snapshot FROM import_records WHERE channel = 'amazon' AND order_no = ?")
      : null;
    const eraseSnapshot = tables.has('import_records')
      ? sqlite.prepare('UPDATE import_records SET snapshot = ? WHERE rowid = ?')
      : null;
    const keptFiles = tables.has('print_jobs')
      ? keptFilesByOrder(
          sqlite,
          due.map((o) => o.id),
        )
      : new Map<number, string[]>();
    for (const order of due) {
      erase.run(at, at, order.id);
      let reason = PII_PURGE_REASON;
      for (const mail of (mails?.all(order.id) ?? []) as { id: number; subject: string }[]) {
        const subject = order.values.reduce((s, v) => s.split(v).join('＊＊＊'), mail.subject);
        eraseMail!.run('', subject, ERASED_MAIL, mail.id);
        result.mails += 1;
      }
      for (const snap of (snapshot?.all(order.orderNo) ?? []) as { rowid: number; snapshot: string }[]) {
        try {
          eraseSnapshot!.run(JSON.stringify(blank(JSON.parse(snap.snapshot), new Set(order.values))), snap.rowid);
        } catch {
          eraseSnapshot!.run('{}', snap.rowid);
        }
      }
      const files = (keptFiles.get(order.id) ?? []).filter((file) => isOwnDocument(file, documentFolders));
      if (files.length > 0) reason += ` 個人情報を含む保存書類 ${files.length}件を削除しました。`;
      filesToDelete.push(...files);
      history.run(order.id, at, actor.storeId, actor.pcId, reason);
      result.orders += 1;
    }
  })();
  // Files go after the commit: a failed transaction leaves every file in place.
  for (const file of new Set(filesToDelete)) {
    rmSync(file, { force: true });
    result.files.push(file);
  }
  return { result, lastId };
}

/**
 * How long one step of the scheduled purge aims to hold the thread (a click that lands during
 * a step waits for it). What an order's erasure costs varies tenfold on a million-order
 * database, most of it the search index's deletions, and some commits pay a fixed 40–50 ms
 * of the index's own upkeep; so the orders per step follow the time the last step took.
 * On the bench's backlog: half the steps ≤ 27 ms and nine in ten ≤ 85 ms (steps of 100
 * orders: 97–111 ms and 199–232 ms), for a tenth less purged per second; a rare step in which
 * the index reorganises its deletions still takes about a second.
 */
const STEP_MS = 25;
const FIRST_STEP = 20;
const MAX_STEP = 500;
/** The scheduled purge rests this many times as long as each step took: at most a quarter of the thread. */
const REST_FACTOR = 3;
/**
 * A rest in which the thread was busy with other work more than this share of the time (a
 * mail batch, an import, a grid block) is taken again: the purge waits for the clerk's work
 * instead of taking its quarter of it, for up to MAX_YIELD_MS in a row.
 */
const BUSY_SHARE = 0.5;
const MAX_YIELD_MS = 10_000;
/**
 * Nor does a step start less than this after a screen's last call: a clerk's clicks come a
 * few hundred milliseconds apart (a tab, the next tab, a search), and in browser mode, where
 * one thread answers them all, each would otherwise find a step under way about one time in
 * four (a step takes a quarter of the thread). The screens' own polling (the sync bar, every
 * 2 s) leaves room between its calls.
 */
const QUIET_MS = 750;

/**
 * Rests `ms`, and again while the thread was busy with other work meanwhile or a screen
 * called less than QUIET_MS ago (not past MAX_YIELD_MS).
 */
async function restBeside(ms: number, activity: ClerkActivity): Promise<void> {
  const since = performance.now();
  let wait = ms;
  for (;;) {
    const before = performance.eventLoopUtilization();
    await new Promise((resolve) => setTimeout(resolve, wait).unref());
    const busy = performance.eventLoopUtilization(before).utilization;
    const quiet = activity.quietMs();
    if ((busy < BUSY_SHARE && quiet >= QUIET_MS) || performance.now() - since >= MAX_YIELD_MS) return;
    wait = Math.max(ms, QUIET_MS - quiet);
  }
}

/** Orders in the next step, from the last step's size and time: at most twice or half the last. */
export function nextPurgeStep(size: number, tookMs: number): number {
  const aimed = Math.round((size * STEP_MS) / Math.max(tookMs, 1));
  return Math.min(MAX_STEP, Math.max(1, Math.ceil(size / 2), Math.min(aimed, size * 2)));
}

/** Runs the purge shortly after start and then daily (S3). Returns the stop. */
export function startPiiPurge(ctx: AppContext, dayMs = DAY_MS): () => void {
  // Housekeeping, step by step: a first purge of a large database (a backlog of 160,000
  // orders at a million, ~20 s of CPU, mostly keeping the search index) must neither freeze
  // the screen nor starve a batch the clerk starts meanwhile: F7 mail runs on this same
  // thread, and with back-to-back steps its first 1,000 mails took 25 s instead of 1.5 s.
  // Short steps (STEP_MS), each followed by a rest several times as long, taken again while
  // other work keeps the thread busy or the screens are calling (QUIET_MS).
  let stopped = false;
  const guarded = async () => {
    try {
      let purged = 0;
      let size = FIRST_STEP;
      for (let after = 0; after >= 0 && !stopped;) {
        const started = performance.now();
        const folders = [documentsDir(ctx), ctx.paths.documents];
        const step = purgeChunk(ctx.database.sqlite, ctx.clock.now(), ctx.actor(), after, size, folders);
        purged += step.result.orders;
        after = step.lastId;
        const took = performance.now() - started;
        size = nextPurgeStep(size, took);
        await restBeside(REST_FACTOR * took, ctx.activity);
      }
      if (purged > 0) ctx.emit({ type: 'orders:changed' });
    } catch (err) {
      console.error('PII purge failed', err);
    }
  };
  // After start-up rather than during it: the list screen comes first.
  const first = setTimeout(guarded, 3000);
  const daily = setInterval(guarded, dayMs);
  first.unref();
  daily.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(daily);
  };
}
