import { sql } from 'drizzle-orm';
import type { AuditEntry } from '../../src-shared/console/records.js';
import { rows, type ServerDb } from '../db/open.js';

/** Input fields never written to the audit log (passwords, PINs, channel credentials, file contents). */
const HIDDEN = new Set(['password', 'current', 'next', 'base64', 'pin', 'credentials']);

/** What a call's input says, minus secrets and file bodies (file names and sizes stay). */
function auditDetail(input: unknown): unknown {
  if (Array.isArray(input)) return input.slice(0, 50).map(auditDetail);
  if (input && typeof input === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) {
      if (key === 'base64' && typeof value === 'string') out.bytes = Math.floor((value.length * 3) / 4);
      else if (!HIDDEN.has(key)) out[key] = auditDetail(value);
    }
    return out;
  }
  return typeof input === 'string' ? input.slice(0, 300) : input;
}

/** Who did it, when and from where (a console call). */
interface AuditedCall {
  account: { id: number; login: string } | null;
  address: string;
  now: Date;
}

/** The console's audit log: every write (and every sign-in, good or bad), never a secret. */
export class AuditLog {
  constructor(private readonly db: ServerDb) {}

  async record(call: AuditedCall, method: string, label: string, input: unknown): Promise<void> {
    const tried = (input as { login?: unknown } | null)?.login;
    const login = call.account?.login ?? (typeof tried === 'string' ? tried.slice(0, 40) : '');
    await this.db.execute(
      sql`INSERT INTO audit_log (at, account_id, login, action, detail, address)
          VALUES (${call.now.toISOString()}, ${call.account?.id ?? null}, ${login},
                  ${label}, ${JSON.stringify({ method, input: auditDetail(input) })}::jsonb, ${call.address.slice(0, 100)})`,
    );
  }

  /** Something a store PC did that head office should see (a log upload), under the PC's name. */
  async recordPc(
    pc: { id: number; name: string },
    address: string,
    now: Date,
    label: string,
    detail: unknown,
  ): Promise<void> {
    await this.db.execute(
      sql`INSERT INTO audit_log (at, account_id, login, action, detail, address)
          VALUES (${now.toISOString()}, NULL, ${`端末: ${pc.name}`.slice(0, 100)}, ${label},
                  ${JSON.stringify({ clientId: pc.id, input: auditDetail(detail) })}::jsonb, ${address.slice(0, 100)})`,
    );
  }

  list(limit: number, before?: number): Promise<AuditEntry[]> {
    return rows<AuditEntry>(
      this.db,
      sql`SELECT id, at, login, action, detail, address FROM audit_log
          WHERE ${before === undefined ? sql`true` : sql`id < ${before}`} ORDER BY id DESC LIMIT ${limit}`,
    );
  }
}
