import type BetterSqlite3 from 'better-sqlite3';
import type { ScanResult } from '../../src-shared/api/operations.js';
import { STATUS_LABELS, type MainStatus } from '../../src-shared/domain/status.js';
import { canonicalTrackingNo, trackingNoForms } from '../../src-shared/domain/tracking.js';
import type { Actor } from '../core/app-context.js';
import type { PackingGate } from '../packing/service.js';
import type { StatusEngine } from '../status/engine.js';

interface Found {
  id: number;
  order_no: string;
  status: MainStatus;
}

/**
 * 出荷確定 by barcode (a scanner types the code and Enter): the code is a tracking number
 * (every order of that parcel is confirmed, bundle partners included) or an order number.
 */
export class ShipScanner {
  private readonly byTracking: BetterSqlite3.Statement;
  private readonly byOrderNo: BetterSqlite3.Statement;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly engine: StatusEngine,
    private readonly packing?: PackingGate,
  ) {
    this.byTracking = sqlite.prepare(
      'SELECT id, order_no, status FROM orders WHERE tracking_no IN (?, ?) ORDER BY ordered_at, id',
    );
    this.byOrderNo = sqlite.prepare(
      'SELECT id, order_no, status FROM orders WHERE order_no = ? ORDER BY ordered_at, id',
    );
  }

  private find(code: string): { found: Found[]; by: 'tracking' | 'order' } {
    const [canonical, dashed] = trackingNoForms(canonicalTrackingNo(code));
    const parcel = canonical ? (this.byTracking.all(canonical, dashed ?? canonical) as Found[]) : [];
    if (parcel.length > 0) return { found: parcel, by: 'tracking' };
    return { found: this.byOrderNo.all(code.normalize('NFKC').trim()) as Found[], by: 'order' };
  }

  scan(code: string, actor: Actor, now: Date): ScanResult {
    return this.sqlite
      .transaction((): ScanResult => {
        const { found, by } = this.find(code);
        const orderNos = found.map((o) => o.order_no);
        const base = { code, orderNos, applied: 0 };
        if (found.length === 0) {
          return {
            ...base,
            outcome: 'not_found',
            message: `${code} に該当する注文がありません。送り状番号・注文番号を確かめてください。`,
          };
        }
        // Order numbers are unique per channel only: never guess between two channels' orders.
        if (by === 'order' && found.length > 1) {
          return {
            ...base,
            outcome: 'wrong_status',
            message: `注文番号 ${code} の注文が複数あります。送り状番号をスキャンしてください。`,
          };
        }
        const ready = found.filter((o) => o.status === 'awaiting_shipment');
        if (ready.length === 0) return { ...base, ...this.notReady(found) };
        const unpacked = this.packing?.unpacked(ready.map((o) => ({ id: o.id, orderNo: o.order_no }))) ?? [];
        if (unpacked.length > 0) {
          const names = unpacked.map((r) => r.orderNo).join('、');
          return { ...base, outcome: 'wrong_status', message: `${unpacked[0]!.reason}: ${names}` };
        }
        const result = this.engine.apply(
          { orderIds: ready.map((o) => o.id), operation: 'confirm_shipment' },
          actor,
          now,
        );
        if (result.applied === 0) {
          return {
            ...base,
            outcome: 'wrong_status',
            message: result.refused.map((r) => `${r.orderNo}: ${r.reason}`).join(' / '),
          };
        }
        const extra = result.applied > ready.length ? `（同梱の注文を含め ${result.applied}件）` : '';
        return {
          ...base,
          applied: result.applied,
          outcome: 'shipped',
          message: `出荷確定しました: ${ready.map((o) => o.order_no).join('、')}${extra}`,
        };
      })
      .immediate();
  }

  private notReady(found: Found[]): Pick<ScanResult, 'outcome' | 'message'> {
    const names = found.map((o) => o.order_no).join('、');
    if (found.some((o) => o.status === 'cancelled')) {
      return { outcome: 'cancelled', message: `キャンセル済の注文です。出荷しないでください: ${names}` };
    }
    if (found.every((o) => o.status === 'shipped')) {
      return { outcome: 'already_shipped', message: `すでに出荷確定済みです: ${names}` };
    }
    const statuses = [...new Set(found.map((o) => STATUS_LABELS[o.status]))].join('・');
    return {
      outcome: 'wrong_status',
      message: `「${statuses}」の注文のため出荷確定できません（出荷待ちの注文のみ）: ${names}`,
    };
  }
}
