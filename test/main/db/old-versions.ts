import type BetterSqlite3 from 'better-sqlite3';
import { DEFAULT_PAYMENT_METHODS } from '../../../src-shared/domain/default-masters.js';

/*
 * A day's data as an earlier version of Chumon left it, in the shape of that version's
 * schema (test/helpers/migrations.ts makes the schema): orders in every kind of state with
 * items, history, a sent mail, stock and its reservations, a bundle, templates, an import,
 * a print job, master history, a refused sync operation.
 */

type Row = Record<string, string | number | null>;

/** The tables of the file and their columns (the app's own tables; not FTS shadows or bookkeeping). */
export function tableColumns(sqlite: BetterSqlite3.Database): Map<string, string[]> {
  const tables = sqlite
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE 'order_search%' AND name NOT LIKE '__drizzle%' ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  return new Map(tables.map((t) => [t, (sqlite.pragma(`table_info(${t})`) as { name: string }[]).map((c) => c.name)]));
}

/** Inserts `row` with the columns the table has at this version (others did not exist yet). */
function put(sqlite: BetterSqlite3.Database, columns: Map<string, string[]>, table: string, row: Row): void {
  const have = columns.get(table);
  if (!have) return;
  const keys = Object.keys(row).filter((k) => have.includes(k));
  sqlite
    .prepare(`INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`)
    .run(...keys.map((k) => row[k]!));
}

const AT = '2026-11-20T01:00:00.000Z';
const buyer = {
  buyer_name: '山田 太郎',
  buyer_kana: 'ヤマダ タロウ',
  buyer_email: 'yamada@example.jp',
  buyer_phone: '03-1234-5678',
  ship_name: '山田 太郎',
  ship_postal_code: '100-0001',
  ship_prefecture: '東京都',
  ship_address1: '千代田区千代田1-1',
  ship_address2: '',
  ship_phone: '03-1234-5678',
};

function order(id: number, fields: Row): Row {
  return {
    id,
    channel: 'yahoo_shopping',
    order_no: `OLD-${id}`,
    ordered_at: `2026-11-1${id}T03:00:00.000Z`,
    ...buyer,
    payment_method: 'bank_transfer',
    needs_payment: 1,
    subtotal: 3000,
    shipping_fee: 500,
    total: 3500,
    store_id: 'tokyo',
    created_at: AT,
    updated_at: AT,
    ...fields,
  };
}

/** What a store PC of that version held after a day's work. */
export function fillOldDatabase(sqlite: BetterSqlite3.Database): void {
  const columns = tableColumns(sqlite);
  const has = (table: string) => columns.has(table);
  const bundled = has('bundle_members');
  const reserving = has('stock_reservations');
  sqlite.transaction(() => {
    put(sqlite, columns, 'stores', { id: 'tokyo', name: '東京店' });
    DEFAULT_PAYMENT_METHODS.forEach((m, i) =>
      put(sqlite, columns, 'payment_methods', {
        code: m.code,
        name: m.name,
        needs_confirmation: m.needsConfirmation ? 1 : 0,
        is_cod: m.isCod ? 1 : 0,
        sort_order: i,
      }),
    );
    put(sqlite, columns, 'sub_statuses', {
      id: 1,
      main_status: 'new',
      name: '要確認',
      color: '#f9a825',
      sort_order: 0,
    });
    const orders: Row[] = [
      order(1, {
        staff_comment: 'ギフト包装',
        sub_status_id: 1,
        bundle_group: bundled ? 'B1' : null,
      }),
      order(2, {
        channel: 'amazon',
        order_no: '249-1234567-7654321',
        payment_method: 'amazon_pay',
        needs_payment: 0,
        status: 'shipped',
        carrier: 'yamato',
        tracking_no: '1234-5678-9012',
        mail_pending: 1,
        paid_at: AT,
        shipped_at: AT,
      }),
      order(3, { status: 'cancelled', cancelled_at: AT, cancel_reason: 'お客様都合' }),
      order(4, { payment_method: 'cod', needs_payment: 0, status: 'stock_confirmed', cod_fee: 330, total: 3830 }),
      order(5, {
        bundle_group: bundled ? 'B1' : null,
        shipping_fee: bundled ? 0 : 500,
        total: bundled ? 3000 : 3500,
      }),
    ];
    for (const o of orders) put(sqlite, columns, 'orders', o);
    const items: [number, number, string, string, number, number][] = [
      [1, 1, 'A-1', '有田焼 マグカップ 藍', 1, 2000],
      [1, 2, 'C-3', '箸置き', 2, 500],
      [2, 1, 'C-3', '箸置き', 6, 500],
      [3, 1, 'C-3', '箸置き', 1, 3000],
      [4, 1, 'A-1', '有田焼 マグカップ 藍', 1, 3000],
      [5, 1, 'B-2', '湯呑み', 1, 3000],
    ];
    for (const [orderId, line, sku, title, quantity, price] of items)
      put(sqlite, columns, 'order_items', {
        order_id: orderId,
        line_no: line,
        sku,
        title,
        quantity,
        unit_price: price,
        location: 'B-02-01',
      });
    const history: [number, string, string | null, string | null, string][] = [
      [2, 'status', 'new', 'shipped', ''],
      [3, 'status', 'new', 'cancelled', 'お客様都合'],
      [4, 'status', 'new', 'stock_confirmed', ''],
      [1, 'staff_comment', '', 'ギフト包装', ''],
    ];
    for (const [orderId, kind, from, to, reason] of history)
      put(sqlite, columns, 'order_history', {
        order_id: orderId,
        at: AT,
        actor: '旧版担当',
        store_id: 'tokyo',
        pc_id: 'OLD-PC',
        kind,
        from_value: from,
        to_value: to,
        reason,
      });
    put(sqlite, columns, 'mail_log', {
      order_id: 4,
      kind: 'stock_confirmed',
      main_status: 'stock_confirmed',
      recipient: 'yamada@example.jp',
      subject: '【東京店】ご注文の商品を確保しました',
      body: '山田 太郎 様',
      result: 'sent',
      created_at: AT,
      finished_at: AT,
      message_id: '<old-1@chumon.example>',
      actor: '旧版担当',
    });
    put(sqlite, columns, 'stock', { sku: 'A-1', store_id: 'tokyo', on_hand: 5, reserved: reserving ? 1 : 0 });
    put(sqlite, columns, 'stock', { sku: 'B-2', store_id: 'tokyo', on_hand: 2, reserved: 0 });
    put(sqlite, columns, 'stock', { sku: 'C-3', store_id: 'tokyo', on_hand: 40, reserved: 0 });
    put(sqlite, columns, 'stock_reservations', {
      order_id: 4,
      sku: 'A-1',
      store_id: 'tokyo',
      quantity: 1,
      reserved_at: AT,
    });
    for (const [orderId, fee] of [
      [1, 500],
      [5, 500],
    ] as const)
      put(sqlite, columns, 'bundle_members', {
        order_id: orderId,
        bundle_group: 'B1',
        original_shipping_fee: fee,
        original_cod_fee: 0,
        bundled_at: AT,
      });
    put(sqlite, columns, 'sync_outbox', {
      op_id: 'old-op-0001',
      entity: 'order',
      entity_id: '3',
      kind: 'status',
      payload: JSON.stringify({ orderNo: 'OLD-3', channel: 'yahoo_shopping', from: 'new', to: 'cancelled' }),
      created_at: AT,
    });
    put(sqlite, columns, 'mail_templates', {
      kind: 'shipped',
      subject: '【東京店】発送しました（旧版で編集）',
      body: '{購入者名} 様',
      updated_at: AT,
      updated_by: '旧版担当',
    });
    put(sqlite, columns, 'import_mappings', {
      name: '自社サイト',
      channel: 'own_shop',
      fields: JSON.stringify({ orderNo: '注文番号' }),
      created_at: AT,
      updated_at: AT,
    });
    put(sqlite, columns, 'import_records', {
      channel: 'yahoo_shopping',
      order_no: 'OLD-1',
      order_id: 1,
      snapshot: '{}',
      source: 'yahoo.csv',
      imported_at: AT,
    });
    put(sqlite, columns, 'print_jobs', {
      id: 1,
      kind: 'picking',
      file_name: 'picking.pdf',
      file_path: '/nonexistent/picking.pdf',
      pages: 1,
      bytes: 1234,
      order_ids: '[1]',
      order_count: 1,
      created_at: AT,
      actor: '旧版担当',
    });
    put(sqlite, columns, 'print_marks', {
      order_id: 1,
      kind: 'picking',
      job_id: 1,
      printed_at: AT,
      printed_by: '旧版担当',
    });
    put(sqlite, columns, 'master_history', {
      entity: 'sub_status',
      entity_id: '1',
      at: AT,
      actor: '旧版担当',
      pc_id: 'OLD-PC',
      kind: 'add',
      to_value: '要確認',
    });
    put(sqlite, columns, 'sync_refused', {
      op_id: 'old-op-0000',
      channel: 'yahoo_shopping',
      order_no: 'OLD-3',
      kind: 'status',
      attempted: 'new → paid',
      reason: '取消済みの注文です',
      at: AT,
    });
    // The writers of versions with a bundle key stored it with the order (0010–0011).
    if (columns.get('orders')!.includes('bundle_key'))
      sqlite.exec(
        `UPDATE orders SET bundle_key = chumon_bundle_key(buyer_name, ship_postal_code, ship_prefecture, ship_address1, ship_address2)
         WHERE status IN ('new', 'stock_confirmed', 'out_of_stock', 'paid', 'awaiting_shipment')`,
      );
  })();
}

/** Every row of every table that existed before, on the columns it had then. */
export function snapshot(sqlite: BetterSqlite3.Database, columns: Map<string, string[]>): Record<string, Row[]> {
  const out: Record<string, Row[]> = {};
  for (const [table, cols] of columns) {
    if (table === 'tab_counts') continue;
    const order = cols.map((_, i) => i + 1).join(', ');
    out[table] = sqlite.prepare(`SELECT ${cols.join(', ')} FROM ${table} ORDER BY ${order}`).all() as Row[];
  }
  return out;
}
