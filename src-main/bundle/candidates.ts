import type BetterSqlite3 from 'better-sqlite3';
import type { BundleCandidateGroup, BundleCandidates, BundleOrder } from '../../src-shared/api/bundle.js';
import { foldsUsed } from '../../src-shared/text/address-fold.js';
import {
  normalizeAddress,
  normalizeForSearch,
  normalizeName,
  normalizePostalCode,
} from '../../src-shared/text/normalize.js';
import { chunked } from '../core/chunked.js';
import { hinted } from '../db/bulk-load.js';

const OPEN_STATUSES = ['new', 'stock_confirmed', 'out_of_stock', 'paid', 'awaiting_shipment'] as const;

/** What makes two orders one parcel (S14): buyer name, postal code and address, normalised. */
interface BundleKey {
  name: string;
  postal: string;
  address: string;
}

export function bundleKeyOf(o: {
  buyerName: string;
  postalCode: string;
  prefecture: string;
  address1: string;
  address2: string;
}): BundleKey {
  return {
    name: normalizeName(o.buyerName),
    postal: normalizePostalCode(o.postalCode),
    address: normalizeAddress(`${o.prefecture}${o.address1}${o.address2}`),
  };
}

export function sameKey(a: BundleKey, b: BundleKey): boolean {
  return a.name === b.name && a.postal === b.postal && a.address === b.address;
}

const SEPARATOR = '\u0001';

/** The key as stored in orders.bundle_key: its three parts, joined. */
export function bundleKeyText(o: Parameters<typeof bundleKeyOf>[0]): string {
  const key = bundleKeyOf(o);
  return [key.name, key.postal, key.address].join(SEPARATOR);
}

/** The key an order is stored with: only open orders have one (shipped and cancelled never reopen). */
export function storedBundleKey(status: string, o: Parameters<typeof bundleKeyOf>[0]): string | null {
  return (OPEN_STATUSES as readonly string[]).includes(status) ? bundleKeyText(o) : null;
}

function partsOf(text: string): BundleKey {
  const [name = '', postal = '', address = ''] = text.split(SEPARATOR);
  return { name, postal, address };
}

/** The open statuses as orders_bundle_key_idx states them: every status but the two final ones. */
const OPEN_WHERE = `status NOT IN ('shipped', 'cancelled')`;

const MEMBER_COLUMNS = `id, order_no AS orderNo, channel, ordered_at AS orderedAt, status, buyer_name AS buyerName,
  ship_postal_code AS postalCode, ship_prefecture AS prefecture, ship_address1 AS address1, ship_address2 AS address2,
  shipping_fee AS shippingFee, cod_fee AS codFee, total, amounts_unknown AS amountsUnknown, bundle_group AS bundleGroup`;

type MemberRow = Omit<BundleOrder, 'address'> & { prefecture: string; address1: string; address2: string };

/** Which spellings were made one for this group (漢数字, ヶ/ケ/が, 異体字), when any were. */
function spellingReason(members: readonly MemberRow[]): { label: string; value: string }[] {
  const texts = members.flatMap((m) => [m.buyerName, `${m.prefecture}${m.address1}${m.address2}`]);
  const used = foldsUsed(texts.map(normalizeForSearch));
  return used.length ? [{ label: '表記ゆれを同一視', value: used.join('・') }] : [];
}

interface GroupKey {
  storeId: string;
  bundleKey: string;
  newest: string;
}

/**
 * Finds bundle candidates among the open orders (S14) through orders.bundle_key, which the
 * triggers keep: the groups come from one pass over a partial covering index (open orders
 * only, sorted by store and key), the rows only for the groups shown.
 */
export class BundleCandidateSearch {
  private readonly groupOf: BetterSqlite3.Statement;
  private readonly members: BetterSqlite3.Statement;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.groupOf = sqlite.prepare(
      `SELECT store_id AS storeId, bundle_key AS bundleKey, max(ordered_at) AS newest, count(*) AS n FROM orders
       WHERE ${OPEN_WHERE} AND store_id = ? AND bundle_key = ?`,
    );
    this.members = sqlite.prepare(
      `SELECT ${MEMBER_COLUMNS} FROM orders WHERE ${OPEN_WHERE} AND store_id = ? AND bundle_key = ? ORDER BY ordered_at, id`,
    );
  }

  /** Every candidate group: one pass over the bundle-key index, already grouped. */
  private allGroups(): GroupKey[] {
    // The planner would rather walk the status index and sort: this index is already grouped.
    const sql = `SELECT store_id AS storeId, bundle_key AS bundleKey, max(ordered_at) AS newest FROM orders INDEXED BY orders_bundle_key_idx
       WHERE ${OPEN_WHERE} AND store_id IS NOT NULL AND bundle_key IS NOT NULL
       GROUP BY store_id, bundle_key HAVING count(*) > 1 ORDER BY newest DESC`;
    return this.sqlite.prepare(hinted(this.sqlite, sql)).all() as GroupKey[];
  }

  /** Groups of the checked orders only (each looked up by its key), newest first. */
  private groupsOf(orderIds: readonly number[]): GroupKey[] {
    const keys = new Map<string, GroupKey>();
    for (const part of chunked([...new Set(orderIds)], 500)) {
      const rows = this.sqlite
        .prepare(
          `SELECT DISTINCT store_id AS storeId, bundle_key AS bundleKey FROM orders
           WHERE id IN (${part.map(() => '?').join(',')}) AND ${OPEN_WHERE} AND store_id IS NOT NULL AND bundle_key IS NOT NULL`,
        )
        .all(...part) as Omit<GroupKey, 'newest'>[];
      for (const { storeId, bundleKey } of rows) {
        const id = `${storeId}${SEPARATOR}${bundleKey}`;
        if (keys.has(id)) continue;
        const group = this.groupOf.get(storeId, bundleKey) as GroupKey & { n: number };
        if (group.n > 1) keys.set(id, group);
      }
    }
    return [...keys.values()].sort((a, b) => b.newest.localeCompare(a.newest));
  }

  /**
   * Open orders without a shipping store (of the checked ones, or all): a bundle is one
   * parcel from one store, so they cannot be candidates until E5 gives them one.
   */
  private withoutStore(orderIds: readonly number[] | undefined): number {
    if (!orderIds) {
      return (
        this.sqlite.prepare(`SELECT count(*) AS n FROM orders WHERE ${OPEN_WHERE} AND store_id IS NULL`).get() as {
          n: number;
        }
      ).n;
    }
    let n = 0;
    for (const part of chunked([...new Set(orderIds)], 500)) {
      n += (
        this.sqlite
          .prepare(
            `SELECT count(*) AS n FROM orders WHERE id IN (${part.map(() => '?').join(',')}) AND ${OPEN_WHERE} AND store_id IS NULL`,
          )
          .get(...part) as { n: number }
      ).n;
    }
    return n;
  }

  find(orderIds: readonly number[] | undefined, limit: number): BundleCandidates {
    const keys = orderIds ? this.groupsOf(orderIds) : this.allGroups();
    const groups = keys.slice(0, limit).map(({ storeId, bundleKey }): BundleCandidateGroup => {
      const key = partsOf(bundleKey);
      const members = this.members.all(storeId, bundleKey) as MemberRow[];
      return {
        key: `${storeId}${SEPARATOR}${bundleKey}`,
        storeId,
        reasons: [
          { label: '購入者名', value: key.name },
          { label: '郵便番号', value: key.postal },
          { label: '住所', value: key.address },
          ...spellingReason(members),
        ],
        orders: members.map(({ prefecture, address1, address2, ...o }) => ({
          ...o,
          address: [`${prefecture}${address1}`, address2].filter(Boolean).join(' '),
        })),
      };
    });
    return { groups, totalGroups: keys.length, withoutStore: this.withoutStore(orderIds) };
  }
}
