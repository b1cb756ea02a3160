/** The F5 search index's full-text tables: contentless, so a row goes in and out by order id only. */
export const SEARCH_TABLES = ['order_search', 'order_code_search', 'order_item_search'] as const;

/** The order columns the search rows are made from (an update of any other leaves them as they are). */
export const SEARCHED_ORDER_COLUMNS = [
  ...['buyer_name', 'buyer_kana', 'ship_name'],
  ...['ship_prefecture', 'ship_address1', 'ship_address2'],
  ...['buyer_email', 'buyer_phone', 'ship_phone'],
  ...['order_no', 'tracking_no'],
];

/** name, addr and contact of an order's F5 search row, by the search triggers' SQL functions. */
export const searchWordsOf = (o: string) => [
  `chumon_name_tokens(${o}.buyer_name, ${o}.buyer_kana, ${o}.ship_name)`,
  `chumon_address_tokens(${o}.ship_prefecture, ${o}.ship_address1, ${o}.ship_address2)`,
  `chumon_contact_tokens(${o}.buyer_email, ${o}.buyer_phone, ${o}.ship_phone)`,
];

/**
 * The statements writing the three search tables' rows of the orders that `picked` (a condition
 * on an order id column) selects, from the tables of schema `from` ('main', or a store attached
 * to another connection). They need the search SQL functions (sql-functions.ts).
 */
export function searchRowInserts(picked: (idColumn: string) => string, from = 'main'): string[] {
  return [
    `INSERT INTO order_search (rowid, name, addr, contact)
       SELECT o.id, ${searchWordsOf('o').join(', ')} FROM ${from}.orders o WHERE ${picked('o.id')}`,
    `INSERT INTO order_code_search (rowid, order_no, tracking_no)
       SELECT o.id, o.order_no, replace(coalesce(o.tracking_no, ''), '-', '') FROM ${from}.orders o WHERE ${picked('o.id')}`,
    `INSERT INTO order_item_search (rowid, items)
       SELECT i.order_id, group_concat('s' || hex(i.sku), ' ') FROM ${from}.order_items i
       WHERE ${picked('i.order_id')} GROUP BY i.order_id`,
  ];
}

/** The SKU catalog's rows (F5's item suggestions) of the items of the orders `picked` selects. */
export const catalogInsert = (picked: (idColumn: string) => string) =>
  `INSERT OR IGNORE INTO item_catalog (sku, title) SELECT i.sku, i.title FROM order_items i WHERE ${picked('i.order_id')}`;
