import type BetterSqlite3 from 'better-sqlite3';
import type { SubStatusInfo } from '../../src-shared/api/app.js';
import { UserError } from '../../src-shared/api/errors.js';
import { STATUS_LABELS, type MainStatus } from '../../src-shared/domain/status.js';
import type { Actor } from '../core/app-context.js';
import { Journal } from '../core/journal.js';
import type { MasterChangeKind } from '../../src-shared/domain/change-kinds.js';

interface Row {
  id: number;
  mainStatus: MainStatus;
  name: string;
  color: string;
  sortOrder: number;
  retiredAt: string | null;
}

const COLUMNS = 'id, main_status AS mainStatus, name, color, sort_order AS sortOrder, retired_at AS retiredAt';

function info({ retiredAt, ...row }: Row): SubStatusInfo {
  return { ...row, retired: retiredAt !== null };
}

/**
 * 注文サブステータス管理マスタメンテナンス (S4). Each change is written with its
 * master_history row and a 'sub_status' outbox entry in one transaction, so the central
 * server can carry it to the other stores. Retiring never deletes: orders keep showing it.
 */
export class SubStatusMaster {
  private readonly journal: Journal;
  private readonly byIdStmt: BetterSqlite3.Statement;
  private readonly ofStatusStmt: BetterSqlite3.Statement;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.journal = new Journal(sqlite);
    this.byIdStmt = sqlite.prepare(`SELECT ${COLUMNS} FROM sub_statuses WHERE id = ?`);
    this.ofStatusStmt = sqlite.prepare(
      `SELECT ${COLUMNS} FROM sub_statuses WHERE main_status = ? ORDER BY sort_order, id`,
    );
  }

  private get(id: number): Row {
    const row = this.byIdStmt.get(id) as Row | undefined;
    if (!row) throw new UserError('サブステータスが見つかりません。画面を開き直してください。', 'not_found');
    return row;
  }

  private refuseDuplicate(mainStatus: MainStatus, name: string, exceptId: number | null): void {
    const same = (this.ofStatusStmt.all(mainStatus) as Row[]).find((r) => r.name === name && r.id !== exceptId);
    if (!same) return;
    const hint = same.retiredAt ? '（廃止済みです。使う場合は「復活」してください）' : '';
    throw new UserError(
      `「${STATUS_LABELS[mainStatus]}」には「${name}」がすでにあります${hint}。別の名前にしてください。`,
    );
  }

  private record(
    row: Row,
    kind: MasterChangeKind,
    from: string | null,
    to: string | null,
    actor: Actor,
    at: string,
  ): void {
    this.journal.recordMaster(
      {
        entity: 'sub_status',
        entityId: String(row.id),
        kind,
        from,
        to,
        payload: {
          mainStatus: row.mainStatus,
          name: row.name,
          color: row.color,
          sortOrder: row.sortOrder,
          retired: row.retiredAt !== null,
        },
      },
      actor,
      at,
    );
  }

  add(mainStatus: MainStatus, name: string, color: string, actor: Actor, now: Date): SubStatusInfo {
    const at = now.toISOString();
    return this.sqlite.transaction(() => {
      this.refuseDuplicate(mainStatus, name, null);
      const next = this.sqlite
        .prepare('SELECT coalesce(max(sort_order), -1) + 1 FROM sub_statuses WHERE main_status = ?')
        .pluck()
        .get(mainStatus) as number;
      const id = Number(
        this.sqlite
          .prepare('INSERT INTO sub_statuses (main_status, name, color, sort_order) VALUES (?, ?, ?, ?)')
          .run(mainStatus, name, color.toLowerCase(), next).lastInsertRowid,
      );
      const row = this.get(id);
      this.record(row, 'add', null, name, actor, at);
      return info(row);
    })();
  }

  /** Rename and/or recolour; each recorded as its own change. */
  update(id: number, name: string, color: string, actor: Actor, now: Date): SubStatusInfo {
    const at = now.toISOString();
    return this.sqlite.transaction(() => {
      const before = this.get(id);
      if (name !== before.name) this.refuseDuplicate(before.mainStatus, name, id);
      const lower = color.toLowerCase();
      this.sqlite.prepare('UPDATE sub_statuses SET name = ?, color = ? WHERE id = ?').run(name, lower, id);
      const after = this.get(id);
      if (name !== before.name) this.record(after, 'rename', before.name, name, actor, at);
      if (lower !== before.color.toLowerCase()) this.record(after, 'color', before.color, lower, actor, at);
      return info(after);
    })();
  }

  reorder(mainStatus: MainStatus, ids: readonly number[], actor: Actor, now: Date): SubStatusInfo[] {
    const at = now.toISOString();
    return this.sqlite.transaction(() => {
      const current = this.ofStatusStmt.all(mainStatus) as Row[];
      const known = new Set(current.map((r) => r.id));
      if (ids.length !== current.length || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) {
        throw new UserError(
          '並び順を保存できませんでした。ほかの端末で変更された可能性があります。画面を開き直してください。',
        );
      }
      const set = this.sqlite.prepare('UPDATE sub_statuses SET sort_order = ? WHERE id = ?');
      ids.forEach((id, index) => {
        const before = current.find((r) => r.id === id)!;
        if (before.sortOrder === index) return;
        set.run(index, id);
        this.record({ ...before, sortOrder: index }, 'reorder', String(before.sortOrder), String(index), actor, at);
      });
      return (this.ofStatusStmt.all(mainStatus) as Row[]).map(info);
    })();
  }

  setRetired(id: number, retired: boolean, actor: Actor, now: Date): SubStatusInfo {
    const at = now.toISOString();
    return this.sqlite.transaction(() => {
      const before = this.get(id);
      if ((before.retiredAt !== null) === retired) return info(before);
      if (!retired) this.refuseDuplicate(before.mainStatus, before.name, id);
      this.sqlite.prepare('UPDATE sub_statuses SET retired_at = ? WHERE id = ?').run(retired ? at : null, id);
      const after = this.get(id);
      this.record(after, retired ? 'retire' : 'restore', null, null, actor, at);
      return info(after);
    })();
  }

  /** Orders per sub-status id, from the partial index on sub_status_id. */
  usage(): Record<number, number> {
    const rows = this.sqlite
      .prepare(
        'SELECT sub_status_id AS id, count(*) AS n FROM orders WHERE sub_status_id IS NOT NULL GROUP BY sub_status_id',
      )
      .all() as { id: number; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.id, r.n]));
  }
}
