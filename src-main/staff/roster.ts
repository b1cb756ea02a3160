import type BetterSqlite3 from 'better-sqlite3';
import { UserError } from '../../src-shared/api/errors.js';
import type { StaffDesk, StaffMember } from '../../src-shared/api/staff.js';
import { verifyPassword } from '../../src-node/password-hashes.js';
import type { AppContext } from '../core/app-context.js';
import type { Settings } from '../settings/settings.js';

interface StaffRow {
  id: number;
  name: string;
  is_manager: number;
  pin_hash: string | null;
}

const toMember = (r: StaffRow): StaffMember => ({
  id: r.id,
  name: r.name,
  isManager: r.is_manager === 1,
  hasPin: r.pin_hash !== null,
});

/**
 * The clerks of a shared PC: the staff of this PC's store (a PC of every store: the staff
 * of the 本部 stores), pulled from the central server. Picking one makes them the 担当者
 * of every history row; with a staff list, what needs a manager needs a 管理者 picked.
 */
export class StaffRoster {
  private readonly ofStore: BetterSqlite3.Statement<[{ storeId: string | null }]>;

  constructor(sqlite: BetterSqlite3.Database) {
    this.ofStore = sqlite.prepare(
      `SELECT id, name, is_manager, pin_hash FROM staff
       WHERE NOT retired AND (store_id = @storeId OR (@storeId IS NULL AND store_id IN (SELECT id FROM stores WHERE is_head_office)))
       ORDER BY id`,
    );
  }

  private members(settings: Settings): StaffRow[] {
    return this.ofStore.all({ storeId: settings.get('storeId') ?? null }) as StaffRow[];
  }

  private current(settings: Settings, members: StaffRow[]): StaffDesk['current'] {
    const picked = members.find((m) => m.id === settings.get('staffId'));
    return { staffId: picked?.id ?? null, operator: settings.get('operator'), isManager: picked?.is_manager === 1 };
  }

  desk(settings: Settings): StaffDesk {
    const members = this.members(settings);
    return { staff: members.map(toMember), current: this.current(settings, members) };
  }

  /** The clerk from now on, after their PIN when they have one. */
  async pick(ctx: AppContext, staffId: number, pin: string): Promise<StaffDesk['current']> {
    const members = this.members(ctx.settings);
    const member = members.find((m) => m.id === staffId);
    if (!member) throw new UserError('このスタッフはこの店舗のスタッフ一覧にいません。');
    if (member.pin_hash !== null && !(pin && (await verifyPassword(pin, member.pin_hash))))
      throw new UserError('PIN が正しくありません。');
    ctx.settings.set('staffId', member.id);
    ctx.settings.set('operator', member.name);
    ctx.emit({ type: 'orders:changed' });
    return this.current(ctx.settings, members);
  }

  /** Refuses `action` unless this PC has no staff list or a 管理者 is the 担当者. */
  requireManager(settings: Settings, action: string): void {
    const members = this.members(settings);
    if (members.length === 0 || this.current(settings, members).isManager) return;
    throw new UserError(
      `${action}は管理者のスタッフだけが行えます。画面上部の「担当者切替」で管理者を選んでから、もう一度行ってください。`,
    );
  }
}
