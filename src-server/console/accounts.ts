import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { UserError } from '../../src-shared/api/errors.js';
import type {
  ConsoleAccount,
  ConsoleAccountRow,
  ConsoleRole,
  ConsoleSession,
} from '../../src-shared/console/accounts.js';
import { writeTransaction } from '../db/changes.js';
import { rows, type ServerDb } from '../db/open.js';
import { hashPassword, NO_ACCOUNT_HASH, randomPassword, verifyPassword } from '../../src-node/password-hashes.js';

/** Wrong passwords in a row before an account is locked, and for how long. */
const LOCK_AFTER = 5;
const LOCK_MS = 15 * 60_000;
/** A session ends this long after sign-in, or after this long unused. */
const SESSION_MAX_MS = 12 * 3_600_000;
const SESSION_IDLE_MS = 2 * 3_600_000;

const WRONG = 'ID またはパスワードが違います。';
const FIRST_LOGIN = 'admin';

const sessionHash = (id: string) => createHash('sha256').update(id).digest('hex');

interface AccountRecord extends ConsoleAccount {
  passwordHash: string;
  failedCount: number;
  lockedUntil: string | null;
  disabledAt: string | null;
}

const ACCOUNT_COLUMNS = sql`id, login, display_name AS "displayName", role, password_hash AS "passwordHash",
  failed_count AS "failedCount", locked_until AS "lockedUntil", disabled_at AS "disabledAt", created_at AS "createdAt"`;

function publicAccount(a: ConsoleAccount): ConsoleAccount {
  return { id: a.id, login: a.login, displayName: a.displayName, role: a.role };
}

/** Console accounts and their sessions. Passwords only as scrypt hashes, sessions only as SHA-256 of their id. */
export class ConsoleAccounts {
  constructor(private readonly db: ServerDb) {}

  /**
   * First start: makes the `admin` account with a random password, returned once to be
   * printed. Under the writers' lock, so server processes starting together make one.
   */
  async ensureFirstAccount(now: Date): Promise<{ login: string; password: string } | null> {
    const [some] = await rows(this.db, sql`SELECT 1 FROM console_accounts LIMIT 1`);
    if (some) return null;
    const password = randomPassword();
    const hash = await hashPassword(password);
    return writeTransaction(this.db, async (tx) => {
      const [any] = await rows(tx, sql`SELECT 1 FROM console_accounts LIMIT 1`);
      if (any) return null;
      await tx.execute(
        sql`INSERT INTO console_accounts (login, display_name, role, password_hash, created_at)
            VALUES (${FIRST_LOGIN}, '管理者', 'admin', ${hash}, ${now.toISOString()})`,
      );
      return { login: FIRST_LOGIN, password };
    });
  }

  private async byLogin(login: string): Promise<AccountRecord | undefined> {
    const [found] = await rows<AccountRecord>(
      this.db,
      sql`SELECT ${ACCOUNT_COLUMNS} FROM console_accounts WHERE lower(login) = lower(${login})`,
    );
    return found;
  }

  /**
   * Checks an ID and password. Five wrong passwords in a row lock the account for 15 minutes
   * (a right password meanwhile does not open it); an unknown ID costs the same time.
   */
  async signIn(
    login: string,
    password: string,
    call: { address: string; now: Date; startSession(id: string): void },
  ): Promise<ConsoleSession> {
    const { now } = call;
    const account = await this.byLogin(login);
    const ok = await verifyPassword(password, account?.passwordHash ?? NO_ACCOUNT_HASH);
    if (!account || account.disabledAt) throw new UserError(WRONG, 'sign_in_failed');
    if (account.lockedUntil && account.lockedUntil > now.toISOString())
      throw new UserError(
        'パスワードの誤りが続いたため、このアカウントはしばらく使えません。15分ほど待ってからもう一度お試しください。',
        'account_locked',
      );
    if (!ok) {
      const failed = account.failedCount + 1;
      const lock = failed >= LOCK_AFTER ? new Date(now.getTime() + LOCK_MS).toISOString() : null;
      await this.db.execute(
        sql`UPDATE console_accounts SET failed_count = ${lock ? 0 : failed}, locked_until = ${lock} WHERE id = ${account.id}`,
      );
      throw new UserError(WRONG, 'sign_in_failed');
    }
    await this.db.execute(
      sql`UPDATE console_accounts SET failed_count = 0, locked_until = NULL WHERE id = ${account.id}`,
    );
    return this.openSession(account, call);
  }

  /** A new session: its id goes only into the cookie, the answer carries the CSRF token. */
  private async openSession(
    account: ConsoleAccount,
    call: { address: string; now: Date; startSession(id: string): void },
  ): Promise<ConsoleSession> {
    const { address, now } = call;
    const id = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    const at = now.toISOString();
    await this.db.execute(
      sql`INSERT INTO console_sessions (id_hash, account_id, csrf, created_at, last_used_at, address)
          VALUES (${sessionHash(id)}, ${account.id}, ${csrf}, ${at}, ${at}, ${address.slice(0, 100)})`,
    );
    call.startSession(id);
    return { csrf, account: publicAccount(account) };
  }

  /** The session of a cookie, if it is still good; its last use moves to now. */
  async session(id: string, now: Date): Promise<(ConsoleSession & { hash: string }) | null> {
    const hash = sessionHash(id);
    const [found] = await rows<{
      csrf: string;
      createdAt: string;
      lastUsedAt: string;
      account: ConsoleAccount & { disabledAt: string | null };
    }>(
      this.db,
      sql`SELECT s.csrf, s.created_at AS "createdAt", s.last_used_at AS "lastUsedAt",
                 json_build_object('id', a.id, 'login', a.login, 'displayName', a.display_name, 'role', a.role,
                                   'disabledAt', a.disabled_at) AS account
          FROM console_sessions s JOIN console_accounts a ON a.id = s.account_id WHERE s.id_hash = ${hash}`,
    );
    if (!found) return null;
    const t = now.getTime();
    const expired =
      found.account.disabledAt !== null ||
      t - Date.parse(found.createdAt) > SESSION_MAX_MS ||
      t - Date.parse(found.lastUsedAt) > SESSION_IDLE_MS;
    if (expired) {
      await this.endSession(hash);
      return null;
    }
    // Written at most once a minute: a page of calls does not rewrite the row each time.
    if (t - Date.parse(found.lastUsedAt) > 60_000)
      await this.db.execute(
        sql`UPDATE console_sessions SET last_used_at = ${now.toISOString()} WHERE id_hash = ${hash}`,
      );
    return { hash, csrf: found.csrf, account: publicAccount(found.account) };
  }

  async endSession(hash: string): Promise<void> {
    await this.db.execute(sql`DELETE FROM console_sessions WHERE id_hash = ${hash}`);
  }

  async list(): Promise<ConsoleAccountRow[]> {
    const found = await rows<AccountRecord & { createdAt: string }>(
      this.db,
      sql`SELECT ${ACCOUNT_COLUMNS} FROM console_accounts ORDER BY id`,
    );
    return found.map((a) => this.row(a));
  }

  private row(a: AccountRecord & { createdAt: string }): ConsoleAccountRow {
    return {
      ...publicAccount(a),
      createdAt: a.createdAt,
      disabled: a.disabledAt !== null,
      lockedUntil: a.lockedUntil,
    };
  }

  async add(
    input: { login: string; displayName: string; role: ConsoleRole; password: string },
    now: Date,
  ): Promise<ConsoleAccountRow> {
    if (await this.byLogin(input.login)) throw new UserError(`ID「${input.login}」はすでに使われています。`);
    const hash = await hashPassword(input.password);
    await this.db.execute(
      sql`INSERT INTO console_accounts (login, display_name, role, password_hash, created_at)
          VALUES (${input.login}, ${input.displayName}, ${input.role}, ${hash}, ${now.toISOString()})`,
    );
    return this.rowOf(input.login);
  }

  private async rowOf(login: string): Promise<ConsoleAccountRow> {
    const found = await this.byLogin(login);
    if (!found) throw new UserError('アカウントが見つかりません。');
    return this.row(found as AccountRecord & { createdAt: string });
  }

  /**
   * Role, disabling and a new password (which also unlocks). The last active 管理者 can be
   * neither demoted nor disabled, so the console always keeps someone who can manage it.
   */
  async update(
    input: { id: number; role?: ConsoleRole; disabled?: boolean; password?: string },
    now: Date,
  ): Promise<ConsoleAccountRow> {
    const hash = input.password === undefined ? null : await hashPassword(input.password);
    const login = await writeTransaction(this.db, async (tx) => {
      const [found] = await rows<AccountRecord>(
        tx,
        sql`SELECT ${ACCOUNT_COLUMNS} FROM console_accounts WHERE id = ${input.id} FOR UPDATE`,
      );
      if (!found) throw new UserError('アカウントが見つかりません。');
      const demoted = (input.role && input.role !== 'admin') || input.disabled === true;
      if (demoted && found.role === 'admin') {
        const [other] = await rows(
          tx,
          sql`SELECT 1 FROM console_accounts WHERE role = 'admin' AND disabled_at IS NULL AND id <> ${input.id} LIMIT 1`,
        );
        if (!other)
          throw new UserError('最後の管理者は、閲覧への変更も無効化もできません。先に別の管理者を作ってください。');
      }
      const disabledAt =
        input.disabled === undefined
          ? found.disabledAt
          : input.disabled
            ? (found.disabledAt ?? now.toISOString())
            : null;
      await tx.execute(
        sql`UPDATE console_accounts SET role = ${input.role ?? found.role}, disabled_at = ${disabledAt},
              password_hash = ${hash ?? found.passwordHash},
              failed_count = CASE WHEN ${hash !== null} THEN 0 ELSE failed_count END,
              locked_until = CASE WHEN ${hash !== null} THEN NULL ELSE locked_until END
            WHERE id = ${input.id}`,
      );
      // A changed role or password takes effect at once: the account signs in again.
      if (demoted || hash !== null) await tx.execute(sql`DELETE FROM console_sessions WHERE account_id = ${input.id}`);
      return found.login;
    });
    return this.rowOf(login);
  }

  async changePassword(accountId: number, current: string, next: string, keepSession: string): Promise<void> {
    const [found] = await rows<{ passwordHash: string }>(
      this.db,
      sql`SELECT password_hash AS "passwordHash" FROM console_accounts WHERE id = ${accountId}`,
    );
    if (!found || !(await verifyPassword(current, found.passwordHash)))
      throw new UserError('現在のパスワードが違います。');
    const hash = await hashPassword(next);
    await this.db.execute(sql`UPDATE console_accounts SET password_hash = ${hash} WHERE id = ${accountId}`);
    // Other browsers signed in with the old password are signed out.
    await this.db.execute(
      sql`DELETE FROM console_sessions WHERE account_id = ${accountId} AND id_hash <> ${keepSession}`,
    );
  }
}
