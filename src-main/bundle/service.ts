import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { BundleCandidates, BundleChange } from '../../src-shared/api/bundle.js';
import { UserError } from '../../src-shared/api/errors.js';
import { STATUS_LABELS, type MainStatus } from '../../src-shared/domain/status.js';
import type { Actor } from '../core/app-context.js';
import { prepareAll } from '../core/statements.js';
import type { OrderEditor } from '../detail/editor.js';
import { BundleCandidateSearch, bundleKeyOf, sameKey } from './candidates.js';
import { bundleStage } from './rule.js';

interface Member {
  id: number;
  orderNo: string;
  orderedAt: string;
  status: MainStatus;
  storeId: string | null;
  buyerName: string;
  postalCode: string;
  prefecture: string;
  address1: string;
  address2: string;
  shippingFee: number;
  codFee: number;
  bundleGroup: string | null;
  /** Fees before bundling, for members already in a bundle. */
  originalShippingFee: number | null;
  originalCodFee: number | null;
}

const MEMBER_COLUMNS = `o.id, o.order_no AS orderNo, o.ordered_at AS orderedAt, o.status, o.store_id AS storeId,
  o.buyer_name AS buyerName, o.ship_postal_code AS postalCode, o.ship_prefecture AS prefecture,
  o.ship_address1 AS address1, o.ship_address2 AS address2, o.shipping_fee AS shippingFee, o.cod_fee AS codFee,
  o.bundle_group AS bundleGroup, b.original_shipping_fee AS originalShippingFee, b.original_cod_fee AS originalCodFee
  FROM orders o LEFT JOIN bundle_members b ON b.order_id = o.id`;

/**
 * Which member keeps a fee: the one with the highest original fee (the oldest on a tie).
 * Fees only ever go down to 0, so no buyer is charged more than they were.
 */
function holderOf(members: readonly Member[], fee: (m: Member) => number): number | null {
  let holder: Member | null = null;
  for (const m of members) if (fee(m) > 0 && (!holder || fee(m) > fee(holder))) holder = m;
  return holder?.id ?? null;
}

const originalShipping = (m: Member) => m.originalShippingFee ?? m.shippingFee;
const originalCod = (m: Member) => m.originalCodFee ?? m.codFee;

/** F10 同梱設定 (S14): bundle and unbundle, with the fee arithmetic recorded in the history. */
export class BundleService {
  private readonly search: BundleCandidateSearch;
  private readonly sql: Record<'byId' | 'byGroup' | 'upsertMember' | 'deleteMember', BetterSqlite3.Statement>;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly editor: OrderEditor,
  ) {
    this.search = new BundleCandidateSearch(sqlite);
    this.sql = prepareAll(sqlite, {
      byId: `SELECT ${MEMBER_COLUMNS} WHERE o.id = ?`,
      byGroup: `SELECT ${MEMBER_COLUMNS} WHERE o.bundle_group = ? ORDER BY o.ordered_at, o.id`,
      upsertMember: `INSERT INTO bundle_members (order_id, bundle_group, original_shipping_fee, original_cod_fee, bundled_at)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (order_id) DO UPDATE SET bundle_group = excluded.bundle_group, bundled_at = excluded.bundled_at`,
      deleteMember: 'DELETE FROM bundle_members WHERE order_id = ?',
    });
  }

  candidates(orderIds: readonly number[] | undefined, limit: number): BundleCandidates {
    return this.search.find(orderIds, limit);
  }

  /** The chosen orders plus every other member of a bundle they are in. */
  private gather(orderIds: readonly number[]): Member[] {
    const members = new Map<number, Member>();
    for (const id of orderIds) {
      const m = this.sql.byId.get(id) as Member | undefined;
      if (!m)
        throw new UserError('選んだ注文が見つかりません。一覧を最新の状態にしてからやり直してください。', 'not_found');
      members.set(m.id, m);
      if (m.bundleGroup) for (const p of this.sql.byGroup.all(m.bundleGroup) as Member[]) members.set(p.id, p);
    }
    return [...members.values()].sort((a, b) => a.orderedAt.localeCompare(b.orderedAt) || a.id - b.id);
  }

  private validate(members: readonly Member[]): void {
    const closed = members.filter((m) => bundleStage(m.status) === null);
    if (closed.length) {
      throw new UserError(
        `出荷済・キャンセル済の注文は同梱できません: ${closed.map((m) => `${m.orderNo}（${STATUS_LABELS[m.status]}）`).join('、')}`,
        'closed',
      );
    }
    const first = members[0]!;
    if (members.some((m) => !m.storeId))
      throw new UserError('出荷店舗が未指定の注文は同梱できません。先に出荷店舗を指定してください。', 'no_store');
    if (members.some((m) => m.storeId !== first.storeId))
      throw new UserError('出荷店舗が違う注文は同梱できません。', 'store');
    const key = bundleKeyOf(first);
    const other = members.find((m) => !sameKey(bundleKeyOf(m), key));
    if (other) {
      throw new UserError(
        `購入者名・郵便番号・住所が一致しないため同梱できません: ${first.orderNo} と ${other.orderNo}`,
        'mismatch',
      );
    }
    const stage = bundleStage(first.status);
    const apart = members.find((m) => bundleStage(m.status) !== stage);
    if (apart) {
      throw new UserError(
        `処理段階の違う注文は同梱できません（${first.orderNo}: ${STATUS_LABELS[first.status]}、${apart.orderNo}: ${STATUS_LABELS[apart.status]}）。同じ段階まで進めてから同梱してください。`,
        'stage',
      );
    }
  }

  /** Bundles in one transaction; a merge of existing bundles is computed from the originals. */
  create(orderIds: readonly number[], actor: Actor, now: Date): BundleChange {
    return this.sqlite
      .transaction((): BundleChange => {
        const members = this.gather(orderIds);
        if (members.length < 2) throw new UserError('同梱する注文を2件以上選んでください。', 'too_few');
        const groups = new Set(members.map((m) => m.bundleGroup));
        if (groups.size === 1 && !groups.has(null))
          throw new UserError('選んだ注文はすでに同梱されています。', 'already');
        this.validate(members);
        const at = now.toISOString();
        const group = randomUUID();
        const shippingHolder = holderOf(members, originalShipping);
        const codHolder = holderOf(members, originalCod);
        const reason = `同梱 ${members.length}件（${members.map((m) => m.orderNo).join('、')}）`;
        const changes: BundleChange['changes'] = [];
        for (const m of members) {
          this.sql.upsertMember.run(m.id, group, originalShipping(m), originalCod(m), at);
          const set = {
            bundleGroup: group,
            shippingFee: m.id === shippingHolder ? originalShipping(m) : 0,
            codFee: m.id === codHolder ? originalCod(m) : 0,
          };
          changes.push(...this.editor.update(m.id, set, reason, actor, at).map((c) => ({ ...c, orderNo: m.orderNo })));
        }
        return { bundleGroup: group, orders: members.length, changes };
      })
      .immediate();
  }

  /** Unbundles: each member gets exactly the fees it had before it was bundled. */
  dissolve(bundleGroup: string, actor: Actor, now: Date): BundleChange {
    return this.sqlite
      .transaction((): BundleChange => {
        const members = this.sql.byGroup.all(bundleGroup) as Member[];
        if (members.length === 0)
          throw new UserError('この同梱はすでに解除されています。一覧を最新の状態にしてください。', 'not_found');
        const closed = members.filter((m) => bundleStage(m.status) === null);
        if (closed.length) {
          throw new UserError(
            `出荷済・キャンセル済の注文を含む同梱は解除できません: ${closed.map((m) => m.orderNo).join('、')}`,
            'closed',
          );
        }
        const at = now.toISOString();
        const reason = `同梱解除（${members.map((m) => m.orderNo).join('、')}）`;
        const changes: BundleChange['changes'] = [];
        for (const m of members) {
          const set = { bundleGroup: null, shippingFee: originalShipping(m), codFee: originalCod(m) };
          changes.push(...this.editor.update(m.id, set, reason, actor, at).map((c) => ({ ...c, orderNo: m.orderNo })));
          this.sql.deleteMember.run(m.id);
        }
        return { bundleGroup: null, orders: members.length, changes };
      })
      .immediate();
  }
}
