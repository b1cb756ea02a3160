import type BetterSqlite3 from 'better-sqlite3';
import type { SyncRefusal } from '../../src-shared/api/sync.js';
import { checkMasterRow, isMasterKind, type MasterKind } from '../../src-shared/sync/master-rows.js';
import type { WireMaster } from '../../src-shared/sync/protocol.js';

const MASTER_LABELS: Record<MasterKind, string> = {
  payment_methods: '決済方法',
  sub_statuses: 'サブステータス',
  mail_templates: 'メールテンプレート',
  stores: '出荷店舗',
  staff: 'スタッフ',
};

/** What the clerk reads about a master row that was not taken. */
export function masterAttempt(kind: string, key: string, what: string): string {
  const label = isMasterKind(kind) ? MASTER_LABELS[kind] : 'マスタ';
  return `${label}（${key.slice(0, 40)}）の${what}`;
}

/**
 * Writes the server's master rows into the store database's own tables (a row's data is
 * column → value). Each row is checked with the master's schema first: a bad row is
 * skipped and said why, and every other row of the page still goes in.
 */
export class MasterApplier {
  private readonly columns = new Map<string, { names: string[]; pk: string }>();

  constructor(private readonly sqlite: BetterSqlite3.Database) {}

  private table(kind: MasterKind): { names: string[]; pk: string } | null {
    let found = this.columns.get(kind);
    if (!found) {
      const info = this.sqlite.prepare(`PRAGMA table_info(${kind})`).all() as { name: string; pk: number }[];
      const pk = info.find((c) => c.pk === 1)?.name;
      if (!pk) return null;
      found = { names: info.map((c) => c.name), pk };
      this.columns.set(kind, found);
    }
    return found;
  }

  /** Applies one row; returns why it was skipped, or null. */
  apply(master: WireMaster): string | null {
    if (!isMasterKind(master.kind)) return null;
    const table = this.table(master.kind);
    if (!table) return null;
    if (master.deleted) {
      this.sqlite.prepare(`DELETE FROM ${master.kind} WHERE ${table.pk} = ?`).run(master.key);
      return null;
    }
    const checked = checkMasterRow(master.kind, master.key, master.data);
    if (!checked.ok) return checked.reason;
    const data = checked.data;
    const columns = table.names.filter((name) => name in data);
    const values = columns.map((c) => {
      const v = data[c];
      return typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : (v as string | number | null);
    });
    const updates = columns.filter((c) => c !== table.pk).map((c) => `${c} = excluded.${c}`);
    this.sqlite
      .prepare(
        `INSERT INTO ${master.kind} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
         ON CONFLICT (${table.pk}) DO ${updates.length ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`,
      )
      .run(...values);
    return null;
  }
}

/**
 * Records a row that came down (or went up) but was not taken, once per `opId`, among the
 * sync refusals the clerk sees; returns it, or null when it was recorded before.
 */
export function recordSkipped(
  sqlite: BetterSqlite3.Database,
  entry: { opId: string; channel: string; orderNo: string; kind: string; attempted: string; reason: string },
  at: string,
): SyncRefusal | null {
  const info = sqlite
    .prepare(
      `INSERT OR IGNORE INTO sync_refused (op_id, channel, order_no, kind, attempted, reason, status_now, at)
       VALUES (?, ?, ?, ?, ?, ?, NULL, ?)`,
    )
    .run(entry.opId, entry.channel, entry.orderNo, entry.kind, entry.attempted, entry.reason, at);
  if (info.changes === 0) return null;
  const { channel, orderNo, attempted, reason } = entry;
  return { channel, orderNo, attempted, reason, statusNow: null, at };
}
