import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { UserError } from '../../src-shared/api/errors.js';
import { CHANNEL_LABELS } from '../../src-shared/domain/channels.js';
import { jsonRows, rows, type ServerDb } from '../db/open.js';
import { API_CHANNELS, type ApiChannel, type ChannelConnector, type Json } from './connector.js';
import { CHANNEL_KINDS, createConnector } from './registry.js';
import type { CredentialVault } from './vault.js';

export const accountInput = z.object({
  channel: z.enum(API_CHANNELS, 'チャネルは amazon・yahoo_shopping・rakuten のいずれかです。'),
  name: z.string().trim().min(1, '名前を入力してください。').max(100),
  storeId: z.string().min(1).max(40).nullable().default(null),
  intervalMinutes: z.number().int().min(1).max(1440).default(10),
  enabled: z.boolean().default(true),
  settings: z.record(z.string(), z.unknown()).default({}),
  credentials: z.record(z.string(), z.unknown()),
});

export const accountPatch = z
  .object({
    name: z.string().trim().min(1).max(100),
    storeId: z.string().min(1).max(40).nullable(),
    intervalMinutes: z.number().int().min(1).max(1440),
    enabled: z.boolean(),
    /** Merged over the stored settings. */
    settings: z.record(z.string(), z.unknown()),
    /** Replaces the stored credentials whole; a stopped connector runs again. */
    credentials: z.record(z.string(), z.unknown()),
  })
  .partial()
  .strict();

/** A stored account as the server works with it (credentials still sealed). */
export interface AccountRow {
  id: number;
  channel: ApiChannel;
  name: string;
  storeId: string | null;
  intervalMinutes: number;
  enabled: boolean;
  settings: Record<string, unknown>;
  credentials: string;
  state: 'ok' | 'stopped' | 'failing';
  message: string;
  cursor: Json | null;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  nextRunAt: string | null;
  updatedAt: string;
}

/** What head office sees of an account: never a secret, only which ones are registered. */
export interface AccountView extends Omit<AccountRow, 'credentials' | 'cursor'> {
  channelLabel: string;
  credentialsRegistered: string[];
  cursor: Json | null;
  notices: { pending: number; sent: number; refused: number };
}

function checked<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '（全体）'))].join('・');
  throw new UserError(`${what}に誤りがあります（${fields}）。入力し直してください。`, 'invalid_input');
}

const SELECT = sql`SELECT id, channel, name, store_id AS "storeId", interval_minutes AS "intervalMinutes", enabled, settings,
  credentials, state, message, cursor, last_run_at AS "lastRunAt", last_success_at AS "lastSuccessAt",
  next_run_at AS "nextRunAt", updated_at AS "updatedAt" FROM channel_accounts`;

/**
 * The channel accounts: registered and changed by head office (admin API), their secrets
 * sealed by the vault, and one connector per account kept across runs (its access token
 * and its pacing live as long as the account's settings stay the same).
 */
export class ChannelAccounts {
  private readonly connectors = new Map<number, { version: string; connector: ChannelConnector }>();

  constructor(
    private readonly db: ServerDb,
    private readonly vault: CredentialVault,
  ) {}

  async add(input: z.output<typeof accountInput>, now: Date): Promise<AccountView> {
    const kind = CHANNEL_KINDS[input.channel];
    const settings = checked(kind.settings, input.settings, '設定');
    const credentials = checked(kind.credentials, input.credentials, '認証情報');
    await this.checkStore(input.storeId);
    const at = now.toISOString();
    const id = await this.db.transaction(async (tx) => {
      const [row] = await rows<{ id: number }>(
        tx as unknown as ServerDb,
        sql`INSERT INTO channel_accounts (channel, name, store_id, interval_minutes, enabled, settings, credentials, next_run_at, created_at, updated_at)
            VALUES (${input.channel}, ${input.name}, ${input.storeId}, ${input.intervalMinutes}, ${input.enabled},
              ${JSON.stringify(settings)}::jsonb, '', ${at}, ${at}, ${at}) RETURNING id`,
      );
      await tx.execute(
        sql`UPDATE channel_accounts SET credentials = ${this.vault.seal(row!.id, credentials)} WHERE id = ${row!.id}`,
      );
      return row!.id;
    });
    return this.view(id);
  }

  async update(id: number, patch: z.output<typeof accountPatch>, now: Date): Promise<AccountView> {
    const account = await this.row(id);
    const kind = CHANNEL_KINDS[account.channel];
    const settings = patch.settings
      ? checked(kind.settings, { ...account.settings, ...patch.settings }, '設定')
      : account.settings;
    const sealed = patch.credentials
      ? this.vault.seal(id, checked(kind.credentials, patch.credentials, '認証情報'))
      : account.credentials;
    if (patch.storeId !== undefined) await this.checkStore(patch.storeId);
    const at = now.toISOString();
    await this.db.execute(
      sql`UPDATE channel_accounts SET name = ${patch.name ?? account.name},
            store_id = ${patch.storeId === undefined ? account.storeId : patch.storeId},
            interval_minutes = ${patch.intervalMinutes ?? account.intervalMinutes},
            enabled = ${patch.enabled ?? account.enabled}, settings = ${JSON.stringify(settings)}::jsonb,
            credentials = ${sealed},
            state = CASE WHEN ${Boolean(patch.credentials)} THEN 'ok' ELSE state END,
            message = CASE WHEN ${Boolean(patch.credentials)} THEN '' ELSE message END,
            next_run_at = CASE WHEN ${Boolean(patch.credentials)} THEN ${at} ELSE next_run_at END,
            updated_at = ${at}
          WHERE id = ${id}`,
    );
    return this.view(id);
  }

  async row(id: number): Promise<AccountRow> {
    const [row] = await jsonRows<AccountRow>(this.db, sql`${SELECT} WHERE id = ${id}`);
    if (!row) throw new UserError('チャネルアカウントが見つかりません。', 'not_found');
    return row;
  }

  async list(): Promise<AccountView[]> {
    const all = await jsonRows<AccountRow>(this.db, sql`${SELECT} ORDER BY id`);
    return Promise.all(all.map((a) => this.present(a)));
  }

  async view(id: number): Promise<AccountView> {
    return this.present(await this.row(id));
  }

  /** The account's connector, built once per version of its settings and credentials. */
  async connector(account: AccountRow): Promise<ChannelConnector> {
    // Sealed texts differ at every seal, so new credentials always make a new connector.
    const version = `${account.credentials}\u0000${JSON.stringify(account.settings)}`;
    const cached = this.connectors.get(account.id);
    if (cached && cached.version === version) return cached.connector;
    const connector = createConnector(
      account.channel,
      account.settings,
      this.vault.open(account.id, account.credentials),
    );
    this.connectors.set(account.id, { version, connector });
    return connector;
  }

  private async present(account: AccountRow): Promise<AccountView> {
    const { credentials, ...rest } = account;
    let registered: string[] = [];
    try {
      registered = Object.keys(this.vault.open(account.id, credentials) as object);
    } catch {
      registered = [];
    }
    const [counts] = await rows<{ pending: number; sent: number; refused: number }>(
      this.db,
      sql`SELECT count(*) FILTER (WHERE state IN ('pending', 'sending'))::int AS pending,
            count(*) FILTER (WHERE state = 'sent')::int AS sent, count(*) FILTER (WHERE state = 'refused')::int AS refused
          FROM shipment_notices WHERE account_id = ${account.id}`,
    );
    return {
      ...rest,
      channelLabel: CHANNEL_LABELS[account.channel],
      credentialsRegistered: registered,
      notices: counts ?? { pending: 0, sent: 0, refused: 0 },
    };
  }

  private async checkStore(storeId: string | null) {
    if (storeId === null) return;
    const [store] = await rows(this.db, sql`SELECT 1 FROM stores WHERE id = ${storeId}`);
    if (!store) throw new UserError('出荷店舗が見つかりません。先に店舗を登録してください。', 'not_found');
  }
}
