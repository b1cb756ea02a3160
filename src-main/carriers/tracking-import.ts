import type BetterSqlite3 from 'better-sqlite3';
import type { TrackingPreview, TrackingResult, TrackingRow, TrackingRowStatus } from '../../src-shared/api/carriers.js';
import { UserError } from '../../src-shared/api/errors.js';
import type { FileUpload } from '../../src-shared/api/files.js';
import type { Carrier } from '../../src-shared/domain/carriers.js';
import type { MainStatus } from '../../src-shared/domain/status.js';
import { transition } from '../../src-shared/domain/transitions.js';
import type { CarrierParts } from './carrier-parts.js';
import type { RawRow, TrackingPlan } from './tracking-plan.js';
import { headerIndex, readCsv } from '../../src-shared/order-files/csv-read.js';
import { decodeUpload } from '../../src-node/uploaded-files.js';

interface IssuedFormat {
  label: string;
  carrier: Carrier;
  management: string[];
  tracking: string[];
}

/** Issued-data files of the carriers' label software, known by their header names. */
const FORMATS: IssuedFormat[] = [
  {
    label: '佐川急便 e飛伝Ⅱ 出荷データ',
    carrier: 'sagawa',
    management: ['お客様管理ナンバー'],
    tracking: ['お問い合せ送り状No.', 'お問合せ送り状No.', 'お問い合わせ送り状No.', 'お問合せ送り状番号'],
  },
  {
    label: 'ヤマト運輸 B2クラウド 発行済データ',
    carrier: 'yamato',
    management: ['お客様管理番号'],
    tracking: ['伝票番号'],
  },
];

function readIssued(file: FileUpload): TrackingPlan {
  const { text, label } = decodeUpload(file);
  const table = readCsv(text, label);
  const index = headerIndex(table.header);
  for (const format of FORMATS) {
    const m = format.management.map(index).find((i) => i >= 0);
    const t = format.tracking.map(index).find((i) => i >= 0);
    if (m === undefined || t === undefined) continue;
    const rows = table.records.map((r) => ({
      line: r.line,
      managementNo: r.fields[m]!.trim(),
      trackingNo: r.fields[t]!.trim(),
    }));
    if (rows.length === 0)
      throw new UserError(`${label}に送り状の行がありません。何も登録していません。`, 'empty_file');
    return { format: format.label, carrier: format.carrier, rows };
  }
  throw new UserError(
    `${label}は送り状の発行済データではないようです。B2クラウドの発行済データ（お客様管理番号・伝票番号）か、e飛伝Ⅱの出荷データ（お客様管理ナンバー・お問い合せ送り状No.）を選んでください。何も登録していません。`,
    'unknown_layout',
  );
}

interface OrderState {
  id: number;
  status: MainStatus;
  tracking_no: string | null;
  bundle_group: string | null;
}

type Judged = { status: TrackingRowStatus; message: string; order?: OrderState; trackingNo: string };

/** Rows judged against the file itself (duplicates) and then, one by one, the database. */
class TrackingJudge {
  private readonly byManagement = new Map<string, Set<string>>();
  private readonly byTracking = new Map<string, Set<string>>();
  private readonly firstLine = new Map<string, number>();
  private readonly find: BetterSqlite3.Statement;

  constructor(sqlite: BetterSqlite3.Database, rows: readonly RawRow[]) {
    this.find = sqlite.prepare('SELECT id, status, tracking_no, bundle_group FROM orders WHERE order_no = ?');
    for (const row of rows) {
      const tn = normalizeTracking(row.trackingNo);
      if (!row.managementNo || !tn) continue;
      if (!this.byManagement.has(row.managementNo)) this.byManagement.set(row.managementNo, new Set());
      this.byManagement.get(row.managementNo)!.add(tn);
      if (!this.byTracking.has(tn)) this.byTracking.set(tn, new Set());
      this.byTracking.get(tn)!.add(row.managementNo);
    }
  }

  judge(row: RawRow): Judged {
    const trackingNo = normalizeTracking(row.trackingNo) ?? row.trackingNo;
    const verdict = (status: TrackingRowStatus, message: string, order?: OrderState): Judged => ({
      status,
      message,
      order,
      trackingNo,
    });
    if (!row.managementNo) return verdict('refused', 'お客様管理番号が空です。');
    if (!normalizeTracking(row.trackingNo))
      return verdict('refused', `送り状番号「${row.trackingNo}」の形式が正しくありません（10〜14桁の数字）。`);
    if (this.byManagement.get(row.managementNo)!.size > 1) {
      return verdict(
        'duplicate',
        `同じお客様管理番号に違う送り状番号の行があります（${[...this.byManagement.get(row.managementNo)!].join('・')}）。どれが正しいか確認してください。`,
      );
    }
    const key = `${row.managementNo}\u0000${trackingNo}`;
    const seen = this.firstLine.get(key);
    if (seen !== undefined && seen !== row.line) return verdict('duplicate', `${seen}行目と同じ行です。`);
    this.firstLine.set(key, row.line);
    const orders = this.find.all(row.managementNo) as OrderState[];
    if (orders.length === 0) return verdict('unmatched', 'この注文番号の注文がありません。');
    if (orders.length > 1)
      return verdict('duplicate', '同じ注文番号の注文が複数の販路にあります。注文詳細から手で登録してください。');
    const order = orders[0]!;
    const sharing = [...this.byTracking.get(trackingNo)!].filter((m) => m !== row.managementNo);
    if (sharing.length > 0 && !this.sameBundle(order, sharing)) {
      return verdict('duplicate', `同じ送り状番号が別の注文（${sharing.join('・')}）の行にもあります。`);
    }
    if (order.tracking_no === trackingNo) return verdict('already', '登録済みです。', order);
    if (order.tracking_no)
      return verdict('conflict', `別の送り状番号（${order.tracking_no}）が登録済みです。上書きしません。`, order);
    const judged = transition(order.status, 'register_tracking', { needsPaymentConfirmation: true });
    if (!judged.ok) return verdict('refused', judged.reason, order);
    return verdict('register', '出荷待ちにします。', order);
  }

  /** Bundled orders (同梱) share one parcel, so one tracking number. */
  private sameBundle(order: OrderState, others: string[]): boolean {
    if (!order.bundle_group) return false;
    return others.every((m) => (this.find.all(m) as OrderState[]).every((o) => o.bundle_group === order.bundle_group));
  }
}

/** Yamato and Sagawa numbers are 12 digits, printed with hyphens; stored as digits. */
function normalizeTracking(raw: string): string | null {
  const digits = raw.normalize('NFKC').replace(/[-\s]/g, '');
  return /^\d{10,14}$/.test(digits) ? digits : null;
}

const emptyCounts = (): Record<TrackingRowStatus, number> => ({
  register: 0,
  already: 0,
  unmatched: 0,
  duplicate: 0,
  conflict: 0,
  refused: 0,
});

export function previewTracking(
  parts: Pick<CarrierParts, 'sqlite' | 'trackingImports'>,
  file: FileUpload,
): TrackingPreview {
  const plan = readIssued(file);
  const judge = new TrackingJudge(parts.sqlite, plan.rows);
  const counts = emptyCounts();
  const rows: TrackingRow[] = plan.rows.map((row) => {
    const judged = judge.judge(row);
    counts[judged.status] += 1;
    return {
      line: row.line,
      managementNo: row.managementNo,
      trackingNo: judged.trackingNo,
      status: judged.status,
      message: judged.message,
    };
  });
  return {
    previewId: parts.trackingImports.put(plan),
    format: plan.format,
    carrier: plan.carrier,
    counts,
    rows,
  };
}

/**
 * 登録: registers the tracking numbers through the operations service, the one door of
 * 送り状番号登録 (register_tracking → 出荷待ち; bundle members follow; a number already on
 * another parcel refused), in one transaction. Rows are judged again one by one as they are
 * applied, so a bundle's second row is seen as already registered and a repeated import
 * registers nothing.
 */
export function commitTracking(
  parts: Pick<CarrierParts, 'sqlite' | 'trackingImports' | 'actor' | 'clock' | 'operations'>,
  previewId: string,
): TrackingResult {
  const plan = parts.trackingImports.take(previewId);
  const { sqlite } = parts;
  const actor = parts.actor();
  const now = parts.clock.now();
  const result: TrackingResult = { registered: 0, refused: [] };
  sqlite.transaction(() => {
    const judge = new TrackingJudge(sqlite, plan.rows);
    for (const row of plan.rows) {
      const judged = judge.judge(row);
      if (judged.status !== 'register') continue;
      const applied = parts.operations.registerTracking(
        [{ orderId: judged.order!.id, carrier: plan.carrier, trackingNo: judged.trackingNo }],
        actor,
        now,
        `${plan.format}の取込`,
      );
      result.registered += applied.applied > 0 ? 1 : 0;
      for (const refused of applied.refused)
        result.refused.push({ managementNo: row.managementNo, reason: refused.reason });
    }
  })();
  return result;
}
