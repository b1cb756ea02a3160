import type BetterSqlite3 from 'better-sqlite3';
import type { MainStatus } from '../../src-shared/domain/status.js';
import type { EngineOrder } from './status-effect.js';

export function trackingTakenReason(trackingNo: string, heldBy?: string): string {
  const where = heldBy ? `注文 ${heldBy} ` : '別の荷物';
  return `送り状番号 ${trackingNo} はすでに${where}に登録されています。送り状を確かめてください。`;
}

/** A move an engine call plans: the order and where it goes. */
interface ClaimingMove {
  order: EngineOrder;
  to: MainStatus;
}

/** A number as the parcels table keys it (without dashes), and the parcel that claims it. */
type Claim = readonly [trackingNo: string, parcel: string];

/**
 * The tracking numbers one engine call gives to parcels waiting to ship (出荷待ち), judged
 * before anything is written: a move whose number another parcel holds — in the parcels
 * table or claimed earlier in the same call — is refused with its order. The parcels'
 * triggers keep the same rule as the unique index behind it; judging first lets the call
 * refuse that one parcel and write the others together.
 */
export class ParcelClaims {
  private readonly claimed = new Map<string, string>();

  constructor(
    private readonly holder: BetterSqlite3.Statement,
    private readonly trackingNo: string | undefined,
  ) {}

  /** The unit's claims, or the move whose number another parcel holds. */
  judge(moves: readonly ClaimingMove[]): Claim[] | ClaimingMove {
    const claims: Claim[] = [];
    for (const move of moves) {
      const number = move.to === 'awaiting_shipment' ? (this.trackingNo ?? move.order.tracking_no) : null;
      if (!number) continue;
      const key = number.replaceAll('-', '');
      // A parcel is a bundle or a single order, as the parcels table names it.
      const parcel = move.order.bundle_group ?? `order:${move.order.id}`;
      const holder = this.claimed.get(key) ?? (this.holder.get(key) as string | undefined);
      if (holder !== undefined && holder !== parcel) return move;
      claims.push([key, parcel]);
    }
    return claims;
  }

  /** Keeps the claims of a unit that will be written. */
  keep(claims: readonly Claim[]): void {
    for (const [key, parcel] of claims) this.claimed.set(key, parcel);
  }
}

/** The question ParcelClaims asks, prepared once per database: which parcel holds a number. */
export function parcelHolderStatement(sqlite: BetterSqlite3.Database): BetterSqlite3.Statement {
  return sqlite.prepare('SELECT parcel FROM parcels WHERE tracking_no = ?').pluck();
}
