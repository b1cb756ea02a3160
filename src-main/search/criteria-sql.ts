import { UserError } from '../../src-shared/api/errors.js';
import type { SearchCriteria } from '../../src-shared/api/orders.js';
import { addressKey, characterPairs, emailKey, nameKey, phoneKey } from '../../src-shared/text/search-tokens.js';
import { jstDayStart } from '../../src-shared/text/jst.js';

/**
 * The F5 conditions (S10) as SQL over `orders o`: conditions joined with AND, named
 * parameters (never values spliced into the text), and the full-text part as one FTS5
 * expression over `order_search` (names, addresses, contacts; see drizzle/0006).
 */
interface CompiledCriteria {
  where: string[];
  /** Which conditions `where` holds, by criteria key (the list planner picks indexes by them). */
  conditions: string[];
  params: Record<string, string | number>;
  match: string | null;
}

/**
 * SKU or title: the distinct SKUs are walked through the SKU index one seek each (a loose
 * index scan: a catalogue of thousands, not millions of item rows), matched with one title
 * each, and only their item rows read (CROSS JOIN keeps the planner from scanning them all).
 */
const ITEM_MATCH = `o.id IN (
  WITH RECURSIVE skus(sku) AS (
    SELECT min(sku) FROM order_items
    UNION ALL
    SELECT (SELECT min(sku) FROM order_items WHERE sku > skus.sku) FROM skus WHERE skus.sku IS NOT NULL
  ),
  matching(sku) AS (
    SELECT sku FROM skus WHERE sku IS NOT NULL AND (sku LIKE @item ESCAPE '\\'
      OR (SELECT title FROM order_items WHERE sku = skus.sku LIMIT 1) LIKE @item ESCAPE '\\')
  )
  SELECT i.order_id FROM matching m CROSS JOIN order_items i ON i.sku = m.sku)`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A day in Japan time as the UTC instant it starts at. */

function phrase(column: string, tokens: string[]): string {
  return `${column} : "${tokens.join(' ')}"`;
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function ftsTerms(c: SearchCriteria): string[] {
  const terms: string[] = [];
  if (present(c.buyer)) {
    const key = nameKey(c.buyer);
    if (!key) throw new UserError('購入者名・カナには文字か数字を入力してください。');
    terms.push([...key].length === 1 ? phrase('name', [key]) : phrase('name', characterPairs(key)));
  }
  if (present(c.address)) {
    const pairs = characterPairs(addressKey(c.address));
    if (pairs.length === 0) throw new UserError('住所は2文字以上で入力してください。');
    terms.push(phrase('addr', pairs));
  }
  if (present(c.email)) {
    const key = emailKey(c.email);
    if (key.length < 3) throw new UserError('メールアドレスは先頭から3文字以上入力してください。');
    terms.push(`contact : "${key}"*`);
  }
  if (present(c.phone)) {
    const key = phoneKey(c.phone);
    if (key.length < 3) throw new UserError('電話番号は先頭から3桁以上入力してください（ハイフンは不要です）。');
    terms.push(`contact : "${key}"*`);
  }
  return terms;
}

export function compileCriteria(c: SearchCriteria): CompiledCriteria {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  const inList = (name: keyof SearchCriteria, column: string, values: readonly (string | number)[] | undefined) => {
    if (!values || values.length === 0) return;
    where.push(`${column} IN (SELECT value FROM json_each(@${name}))`);
    params[name] = JSON.stringify(values);
  };

  if (present(c.orderNo)) {
    // Through the narrow order-number index, not the million wide rows.
    where.push(
      `o.id IN (SELECT id FROM orders INDEXED BY orders_order_no_idx WHERE order_no LIKE @orderNo ESCAPE '\\')`,
    );
    params.orderNo = `%${escapeLike(c.orderNo.normalize('NFKC').trim())}%`;
  }
  if (present(c.trackingNo)) {
    const key = c.trackingNo.normalize('NFKC').replace(/[\s-]/g, '');
    where.push(
      `o.id IN (SELECT id FROM orders INDEXED BY orders_tracking_idx
        WHERE tracking_no IS NOT NULL AND replace(tracking_no, '-', '') LIKE @trackingNo ESCAPE '\\')`,
    );
    params.trackingNo = `%${escapeLike(key)}%`;
  }
  if (present(c.item)) {
    where.push(ITEM_MATCH);
    params.item = `%${escapeLike(c.item.normalize('NFKC').trim())}%`;
  }
  inList('channels', 'o.channel', c.channels);
  inList('paymentMethods', 'o.payment_method', c.paymentMethods);
  inList('statuses', 'o.status', c.statuses);
  inList('subStatusIds', 'o.sub_status_id', c.subStatusIds);
  if (c.storeIds && c.storeIds.length > 0) {
    const stores = c.storeIds.filter((s) => s !== '');
    const unassigned = stores.length < c.storeIds.length;
    const parts = [];
    if (stores.length > 0) {
      parts.push('o.store_id IN (SELECT value FROM json_each(@storeIds))');
      params.storeIds = JSON.stringify(stores);
    }
    if (unassigned) parts.push('o.store_id IS NULL');
    where.push(`(${parts.join(' OR ')})`);
  }
  if (c.orderedFrom) {
    where.push('o.ordered_at >= @orderedFrom');
    params.orderedFrom = jstDayStart(c.orderedFrom);
  }
  if (c.orderedTo) {
    where.push('o.ordered_at < @orderedBefore');
    params.orderedBefore = jstDayStart(c.orderedTo, 1);
  }
  if (c.totalMin !== undefined) {
    where.push('o.total >= @totalMin');
    params.totalMin = c.totalMin;
  }
  if (c.totalMax !== undefined) {
    where.push('o.total <= @totalMax');
    params.totalMax = c.totalMax;
  }
  if (c.orderComment) where.push(`o.order_comment <> ''`);
  if (c.staffComment) where.push(`o.staff_comment <> ''`);
  if (c.mailInquiry) where.push('o.mail_inquiry = 1');

  const terms = ftsTerms(c);
  const match = terms.length > 0 ? terms.join(' AND ') : null;
  if (match) params.match = match;
  const full = ['buyer', 'address', 'email', 'phone'];
  const conditions = Object.entries(c)
    .filter(
      ([key, value]) =>
        !full.includes(key) &&
        value !== undefined &&
        value !== false &&
        value !== '' &&
        !(Array.isArray(value) && value.length === 0),
    )
    .map(([key]) => key);
  return { where, conditions, params, match };
}
