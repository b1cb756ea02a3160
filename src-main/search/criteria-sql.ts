import { UserError } from '../../src-shared/api/errors.js';
import type { SearchCriteria } from '../../src-shared/api/orders.js';
import { nfkc } from '../../src-shared/text/normalize.js';
import { addressKey, characterPairs, emailKey, nameKey, phoneKey } from '../../src-shared/text/search-tokens.js';
import { jstDayStart } from '../../src-shared/text/jst.js';
import { skuWord } from './item-catalog.js';

/** A full-text index and the named parameter holding its FTS5 expression. */
export interface TextMatch {
  table: 'order_search' | 'order_code_search' | 'order_item_search';
  param: string;
}

/**
 * The F5 conditions (S10) as SQL over `orders o`: conditions joined with AND, named
 * parameters (never values spliced into the text), and the full-text parts as FTS5
 * expressions over `order_search` (names, addresses, contacts; drizzle/0006),
 * `order_code_search` (order and tracking numbers) and `order_item_search` (SKUs; 0018).
 */
interface CompiledCriteria {
  where: string[];
  /** Which conditions `where` holds, by criteria key (the list planner picks indexes by them). */
  conditions: string[];
  params: Record<string, string | number>;
  text: TextMatch[];
}

/** What the item condition needs to know: the SKUs whose code or title contains a text. */
interface SkuFinder {
  skusMatching(text: string): string[];
}

/** A fragment as one FTS5 string (a phrase): quotes doubled. */
function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Order and tracking numbers: any fragment of 3 characters or more, through their trigrams. */
function codeTerms(c: SearchCriteria): string[] {
  const terms: string[] = [];
  if (present(c.orderNo)) {
    const key = nfkc(c.orderNo).trim();
    if ([...key].length < 3) throw new UserError('注文番号は3文字以上で入力してください。');
    terms.push(`order_no : ${quoted(key)}`);
  }
  if (present(c.trackingNo)) {
    const key = nfkc(c.trackingNo).replace(/[\s-]/g, '');
    if ([...key].length < 3) throw new UserError('送り状番号は3文字以上で入力してください（ハイフンは不要です）。');
    terms.push(`tracking_no : ${quoted(key)}`);
  }
  return terms;
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

export function compileCriteria(c: SearchCriteria, catalog: SkuFinder): CompiledCriteria {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  const inList = (name: keyof SearchCriteria, column: string, values: readonly (string | number)[] | undefined) => {
    if (!values || values.length === 0) return;
    where.push(`${column} IN (SELECT value FROM json_each(@${name}))`);
    params[name] = JSON.stringify(values);
  };

  const text: TextMatch[] = [];
  const codes = codeTerms(c);
  if (codes.length > 0) {
    text.push({ table: 'order_code_search', param: 'codeMatch' });
    params.codeMatch = codes.join(' AND ');
  }
  if (present(c.item)) {
    const skus = catalog.skusMatching(c.item);
    // No SKU or title holds the text: no order can match.
    if (skus.length === 0) where.push('0');
    else {
      text.push({ table: 'order_item_search', param: 'itemMatch' });
      params.itemMatch = `items : (${skus.map(skuWord).join(' OR ')})`;
    }
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
  if (terms.length > 0) {
    text.unshift({ table: 'order_search', param: 'match' });
    params.match = terms.join(' AND ');
  }
  const full = ['buyer', 'address', 'email', 'phone', 'orderNo', 'trackingNo', 'item'];
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
  return { where, conditions, params, text };
}
