import type BetterSqlite3 from 'better-sqlite3';
import type { BundleCandidateGroup, BundleCandidates, BundleOrder } from '../../src-shared/api/bundle.js';
import { normalizeAddress, normalizeForSearch, normalizePostalCode } from '../../src-shared/text/normalize.js';

export const OPEN_STATUSES = ['new', 'stock_confirmed', 'out_of_stock', 'paid', 'awaiting_shipment'] as const;

/** What makes two orders one parcel (S14): buyer name, postal code and address, normalised. */
export interface BundleKey {
  name: string;
  postal: string;
  address: string;
}

export function bundleKeyOf(o: { buyerName: string; postalCode: string; prefecture: string; address1: string; address2: string }): BundleKey {
  return {
    name: normalizeForSearch(o.buyerName),
    postal: normalizePostalCode(o.postalCode),
    address: normalizeAddress(`${o.prefecture}${o.address1}${o.address2}`),
  };
}

export function sameKey(a: BundleKey, b: BundleKey): boolean {
  return a.name === b.name && a.postal === b.postal && a.address === b.address;
}

type Raw = [
  id: number,
  orderNo: string,
  channel: BundleOrder['channel'],
  orderedAt: string,
  status: BundleOrder['status'],
  buyerName: string,
  postalCode: string,
  prefecture: string,
  address1: string,
  address2: string,
  shippingFee: number,
  codFee: number,
  total: number,
  bundleGroup: string | null,
  storeId: string,
];

/**
 * Finds bundle candidates among the open orders of every store: one pass over the open
 * orders (the status index), keys computed in memory, groups of two or more kept.
 */
export class BundleCandidateSearch {
  private readonly openStmt: BetterSqlite3.Statement;

  constructor(sqlite: BetterSqlite3.Database) {
    this.openStmt = sqlite
      .prepare(
        `SELECT id, order_no, channel, ordered_at, status, buyer_name, ship_postal_code, ship_prefecture,
           ship_address1, ship_address2, shipping_fee, cod_fee, total, bundle_group, store_id
         FROM orders WHERE status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')}) AND store_id IS NOT NULL`,
      )
      .raw();
  }

  find(orderIds: readonly number[] | undefined, limit: number): BundleCandidates {
    const byKey = new Map<string, { key: BundleKey; rows: Raw[] }>();
    for (const row of this.openStmt.iterate() as IterableIterator<Raw>) {
      const [, , , , , buyerName, postalCode, prefecture, address1, address2, , , , , storeId] = row;
      const key = bundleKeyOf({ buyerName, postalCode, prefecture, address1, address2 });
      const id = `${storeId}\u0001${key.name}\u0001${key.postal}\u0001${key.address}`;
      const group = byKey.get(id);
      if (group) group.rows.push(row);
      else byKey.set(id, { key, rows: [row] });
    }
    const wanted = orderIds ? new Set(orderIds) : null;
    const groups: BundleCandidateGroup[] = [];
    for (const [id, { key, rows }] of byKey) {
      if (rows.length < 2) continue;
      if (wanted && !rows.some((r) => wanted.has(r[0]))) continue;
      groups.push({
        key: id,
        storeId: rows[0]![14],
        reasons: [
          { label: '購入者名', value: key.name },
          { label: '郵便番号', value: key.postal },
          { label: '住所', value: key.address },
        ],
        orders: rows.map(toOrder).sort((a, b) => a.orderedAt.localeCompare(b.orderedAt) || a.id - b.id),
      });
    }
    // Newest activity first: today's orders are the ones still to be packed.
    const newest = (g: BundleCandidateGroup) => g.orders[g.orders.length - 1]!.orderedAt;
    groups.sort((a, b) => newest(b).localeCompare(newest(a)));
    return { groups: groups.slice(0, limit), totalGroups: groups.length };
  }
}

function toOrder(r: Raw): BundleOrder {
  const [id, orderNo, channel, orderedAt, status, buyerName, postalCode, prefecture, address1, address2, shippingFee, codFee, total, bundleGroup] = r;
  return {
    id,
    orderNo,
    channel,
    orderedAt,
    status,
    buyerName,
    postalCode,
    address: [`${prefecture}${address1}`, address2].filter(Boolean).join(' '),
    shippingFee,
    codFee,
    total,
    bundleGroup,
  };
}
