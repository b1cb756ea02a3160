import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../../src-shared/api/errors.js';
import type { FileUpload } from '../../src-shared/api/files.js';
import type { ImportNeedsMapping, ImportPreview, ImportResult } from '../../src-shared/api/imports.js';
import { CHANNEL_LABELS, type Channel } from '../../src-shared/domain/channels.js';
import { subtotalOf, totalOf } from '../../src-shared/domain/money.js';
import { Journal } from '../core/journal.js';
import { ORDER_FIELDS, type OrderKey } from '../../src-shared/domain/order-fields.js';
import type { ChangeOf } from '../../src-shared/sync/change-bodies.js';
import { ENCODING_LABELS } from '../../src-shared/order-files/text-decode.js';
import { readOrderFileUpload, type UploadedOrderFile } from '../../src-node/uploaded-files.js';
import { withDeferredCheckpoint } from '../db/deferred-checkpoint.js';
import { OrderWriter } from '../orders/writer.js';
import { withSearchIndexBatch } from '../search/index-batch.js';
import { BatchWords } from '../search/search-words-lane.js';
import { detectLayout, mappingLayout, missingHeaders, type Layout } from '../../src-shared/order-files/layouts.js';
import { loadMapping, mappingFitting } from './mappings.js';
import type { ImportParts } from './import-parts.js';
import type { OrderImportPlan } from './import-plan.js';
import { judgeOrders, verdictsNow } from './judge.js';
import { changedLabels, importedValuesSql, type ImportedValues, type MergePlan } from './merge.js';
import { parseOrders, type SourceFile } from '../../src-shared/order-files/parse-orders.js';

/** How an import names the file it read (the snapshots' source): its layout and channel. */
export function importSource(layout: Layout, channel: Channel): string {
  return `${layout.label}（${CHANNEL_LABELS[channel]}）`;
}

/** The history reason of an order an import created. */
export function importReason(source: string): string {
  return `ファイル取込: ${source}`;
}

const LIST_LIMIT = 500;

export function previewImport(
  parts: Pick<ImportParts, 'sqlite' | 'orders' | 'pending'>,
  input: { files: FileUpload[]; channel: Channel; mappingId?: number },
): ImportPreview | ImportNeedsMapping {
  const decoded = input.files.map(readOrderFileUpload);
  let layout: Layout;
  let ordered: UploadedOrderFile[];
  if (input.mappingId !== undefined) {
    const mapping = loadMapping(parts.sqlite, input.mappingId);
    if (decoded.length !== 1)
      throw new UserError('マッピングで取り込むときはファイルを1つだけ選んでください（1行に注文と商品が並ぶ形式）。');
    const missing = missingHeaders(mapping, decoded[0]!.header);
    if (missing.length > 0) {
      throw new UserError(
        `「${decoded[0]!.name}」にマッピング「${mapping.name}」の見出しがありません: ${missing.join('、')}。マッピングを直すか、別のファイルを選んでください。何も取り込んでいません。`,
      );
    }
    layout = mappingLayout(mapping);
    ordered = decoded;
  } else {
    const detected = detectLayout(decoded.map((d) => d.header));
    // A file of a layout a mapping was saved for is read by it without asking again.
    const fitting = !detected && decoded.length === 1 ? mappingFitting(parts.sqlite, decoded[0]!.header) : null;
    if (fitting) {
      layout = mappingLayout(fitting);
      ordered = decoded;
    } else if (!detected) {
      if (decoded.length === 1) {
        return {
          kind: 'needs_mapping',
          fileName: decoded[0]!.name,
          headers: decoded[0]!.header,
          message: `「${decoded[0]!.name}」は Yahoo! や Amazon の形式ではありません。見出しと注文の項目の対応（マッピング）を設定してください。`,
        };
      }
      throw new UserError(
        '選んだ2つのファイルを Yahoo! の注文ファイルと商品ファイルとして認識できません。見出し行（OrderId など）を確認してください。何も取り込んでいません。',
      );
    } else {
      layout = detected.layout;
      ordered = detected.order.map((i) => decoded[i]!);
    }
  }
  const channel = layout.channel ?? input.channel;
  const sources: SourceFile[] = ordered.map((d, i) => ({ name: d.name, text: d.text, reader: layout.files[i]! }));
  const payments = parts.sqlite.prepare('SELECT code, name FROM payment_methods').all() as {
    code: string;
    name: string;
  }[];
  const { orders, rejected, rows } = parseOrders(layout, sources, channel, payments);
  const empty = rows.findIndex((n) => n === 0);
  if (empty >= 0)
    throw new UserError(
      `「${ordered[empty]!.name}」には見出し行だけで注文の行がありません。何も取り込んでいません。`,
      'empty_file',
    );
  const judged = judgeOrders(parts, channel, orders);
  const plan: OrderImportPlan = {
    layout: importSource(layout, channel),
    channel,
    orders,
    rejected,
    judged,
  };
  const preview: ImportPreview = {
    kind: 'preview',
    previewId: parts.pending.put(plan),
    layout: plan.layout,
    channel,
    files: ordered.map((d, i) => ({ name: d.name, encoding: ENCODING_LABELS[d.encoding], rows: rows[i]! })),
    counts: { new: 0, updated: 0, unchanged: 0, rejected: rejected.length },
    newOrders: [],
    updates: [],
    unchanged: [],
    rejected: rejected.slice(0, LIST_LIMIT),
  };
  orders.forEach(({ order }, i) => {
    const verdict = judged.verdicts[i]!;
    if (verdict.kind === 'new') {
      preview.counts.new += 1;
      if (preview.newOrders.length < LIST_LIMIT) {
        const subtotal = subtotalOf(order.items);
        preview.newOrders.push({
          orderNo: order.orderNo,
          buyerName: order.buyer.name,
          items: order.items.length,
          total: totalOf({ ...order, subtotal }),
          ...(order.amountsUnknown ? { amountsUnknown: true } : {}),
        });
      }
    } else if (verdict.kind === 'update') {
      preview.counts.updated += 1;
      if (preview.updates.length < LIST_LIMIT) {
        preview.updates.push({
          orderNo: order.orderNo,
          changed: changedLabels(verdict.plan),
          kept: verdict.plan.kept,
        });
      }
    } else {
      preview.counts.unchanged += 1;
      if (preview.unchanged.length < LIST_LIMIT) preview.unchanged.push({ orderNo: order.orderNo, note: verdict.note });
    }
  });
  // The words lane's worker starts while the clerk reads the preview, not in the commit.
  BatchWords.expect(preview.counts.new);
  return preview;
}

type ImportedFields = ChangeOf<'import_update'>['fields'];

/** The columns a PC sends in field operations (order-fields.ts 'field'), by column name. */
const SENT_BY_COLUMN = new Map<string, OrderKey>(
  ORDER_FIELDS.filter((f) => f.sync === 'field').map((f) => [f.column, f.key]),
);

/** Writes a merge's fields, recomputes the money, and returns the sync-able field values. */
function applyUpdate(
  sqlite: BetterSqlite3.Database,
  id: number,
  plan: MergePlan,
  theirs: ImportedValues,
  at: string,
): ImportedFields {
  const columns = plan.set.filter((f) => f.column);
  const values = columns.map((f) => f.get(theirs));
  const assignments = columns.map((f) => `${f.column} = ?`);
  if (plan.amountsUnknown !== undefined) {
    assignments.push('amounts_unknown = ?');
    values.push(plan.amountsUnknown ? 1 : 0);
  }
  if (columns.some((f) => f.column === 'payment_method')) {
    assignments.push('needs_payment = coalesce((SELECT needs_confirmation FROM payment_methods WHERE code = ?), 1)');
    values.push(theirs.paymentMethod);
  }
  sqlite
    .prepare(`UPDATE orders SET ${[...assignments, 'updated_at = ?', 'version = version + 1'].join(', ')} WHERE id = ?`)
    .run(...values, at, id);
  const fields: Record<string, unknown> = {};
  if (plan.set.some((f) => f.column === null)) {
    // A line that stays (same number and 商品コード) keeps its 棚番 and 税率: a filled price must not lose them.
    const before = sqlite
      .prepare('SELECT line_no AS lineNo, sku, location, tax_rate AS taxRate FROM order_items WHERE order_id = ?')
      .all(id) as { lineNo: number; sku: string; location: string; taxRate: 10 | 8 }[];
    const kept = new Map(before.map((line) => [`${line.lineNo}\u0000${line.sku}`, line]));
    sqlite.prepare('DELETE FROM order_items WHERE order_id = ?').run(id);
    const insert = sqlite.prepare(
      'INSERT INTO order_items (order_id, line_no, sku, title, quantity, unit_price, location, tax_rate) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const items = theirs.items.map((item) => {
      const old = kept.get(`${item.lineNo}\u0000${item.sku}`);
      return { ...item, location: old?.location ?? '', taxRate: old?.taxRate ?? 10 };
    });
    for (const item of items)
      insert.run(id, item.lineNo, item.sku, item.title, item.quantity, item.unitPrice, item.location, item.taxRate);
    fields.items = items;
  }
  const money = sqlite
    .prepare(
      `UPDATE orders SET subtotal = (SELECT coalesce(sum(quantity * unit_price), 0) FROM order_items WHERE order_id = @id) WHERE id = @id
       RETURNING subtotal, discount, shipping_fee AS shippingFee, cod_fee AS codFee`,
    )
    .get({ id }) as { subtotal: number; discount: number; shippingFee: number; codFee: number };
  const total = totalOf(money);
  sqlite.prepare('UPDATE orders SET total = ? WHERE id = ?').run(total, id);
  for (const f of columns) {
    const key = f.column ? SENT_BY_COLUMN.get(f.column) : undefined;
    if (key) fields[key] = f.get(theirs);
  }
  if (plan.amountsUnknown !== undefined) fields.amountsUnknown = plan.amountsUnknown;
  return { ...fields, subtotal: money.subtotal, total } as ImportedFields;
}

/** The orders this import created, for Journal.recordEach: every id from the first to the last is one of them. */
const CREATED_SOURCE =
  'SELECT id AS order_id, order_no, NULL AS from_value FROM orders WHERE id BETWEEN @first AND @last';

/**
 * The snapshots of the orders the import created: their values as written, the JSON text
 * JSON.stringify(importedValues(order)) gives (same keys, order and escaping: see the test).
 */
const CREATED_SNAPSHOTS = `INSERT INTO import_records (channel, order_no, order_id, snapshot, source, imported_at)
  SELECT o.channel, o.order_no, o.id, ${importedValuesSql('o')},
  @source, @at
  FROM orders o WHERE o.id BETWEEN @first AND @last
  ON CONFLICT (channel, order_no) DO UPDATE SET order_id = excluded.order_id, snapshot = excluded.snapshot,
    source = excluded.source, imported_at = excluded.imported_at`;

/**
 * 取込: everything the preview showed, as it stands against the database now (the preview's
 * verdicts when nothing was written since, else judged again), in ONE transaction — new
 * orders (with history and sync outbox), merged updates, and the snapshots that make a
 * second import of the same file change nothing.
 */
export function commitImport(parts: ImportParts, previewId: string): ImportResult {
  const plan = parts.pending.take(previewId);
  const { sqlite } = parts;
  const actor = parts.actor();
  const at = parts.clock.now().toISOString();
  const writer = new OrderWriter(sqlite);
  const journal = new Journal(sqlite);
  const saveSnapshot = sqlite.prepare(
    `INSERT INTO import_records (channel, order_no, order_id, snapshot, source, imported_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (channel, order_no) DO UPDATE SET order_id = excluded.order_id, snapshot = excluded.snapshot,
       source = excluded.source, imported_at = excluded.imported_at`,
  );
  const result: ImportResult = { inserted: 0, updated: 0, unchanged: 0, rejected: plan.rejected.length };
  const reason = importReason(plan.layout);
  const write = () => {
    const verdicts = verdictsNow(parts, plan.channel, plan.orders, plan.judged);
    // The new orders' F5 words are made on the second core while their rows go in.
    const words = BatchWords.start(plan.orders.filter((_, i) => verdicts[i]!.kind === 'new').map((p) => p.order));
    // New orders get consecutive ids: their history and outbox rows are written at the end, set-based.
    let first = 0;
    let last = 0;
    plan.orders.forEach(({ order }, i) => {
      const verdict = verdicts[i]!;
      if (verdict.kind === 'new') {
        const id = writer.insert({ ...order, storeId: actor.storeId }, at);
        if (first === 0) first = id;
        last = id;
        result.inserted += 1;
      } else if (verdict.kind === 'update') {
        const fields = applyUpdate(sqlite, verdict.id, verdict.plan, verdict.theirs, at);
        const changed = changedLabels(verdict.plan).join('、');
        journal.record(
          {
            orderId: verdict.id,
            orderNo: order.orderNo,
            change: { kind: 'import_update', fields },
            from: null,
            to: changed,
            reason: `ファイル取込で更新: ${changed}${verdict.plan.kept.length ? `（更新しなかった項目: ${verdict.plan.kept.join('、')}）` : ''}`,
          },
          actor,
          at,
        );
        saveSnapshot.run(plan.channel, order.orderNo, verdict.id, verdict.snapshot, plan.layout, at);
        result.updated += 1;
      } else {
        if (verdict.snapshot)
          saveSnapshot.run(plan.channel, order.orderNo, verdict.id, verdict.snapshot, plan.layout, at);
        result.unchanged += 1;
      }
    });
    if (result.inserted > 0) {
      words?.insert(sqlite, first, result.inserted);
      // The sync client reads a created order back from the database: the key is enough.
      journal.recordEach(
        CREATED_SOURCE,
        { change: { kind: 'create', channel: plan.channel }, to: 'new', reason },
        actor,
        at,
        { first, last },
      );
      sqlite.prepare(CREATED_SNAPSHOTS).run({ first, last, source: plan.layout, at });
    }
  };
  // Immediate: no other connection writes between the state check and the writes.
  withDeferredCheckpoint(sqlite, plan.orders.length, () =>
    sqlite.transaction(() => withSearchIndexBatch(sqlite, write)).immediate(),
  );
  return result;
}
