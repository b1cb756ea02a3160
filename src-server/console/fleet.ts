import { sql } from 'drizzle-orm';
import { UserError } from '../../src-shared/api/errors.js';
import type {
  ConsoleClient,
  ConsoleStore,
  FleetSettings,
  IssuedClient,
  PcReport,
} from '../../src-shared/console/fleet.js';
import { makeSetupString } from '../../src-shared/sync/setup-string.js';
import { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION, updateRequired } from '../../src-shared/sync/versions.js';
import { createClient, touchLastSeen, type ClientIdentity } from '../auth.js';
import { lastChange } from '../db/changes.js';
import { jsonRows, rows, type ServerDb } from '../db/open.js';
import { putStore } from '../sync/masters.js';

/** A PC heard from within this long is online (a live PC's change stream reports every minute). */
const ONLINE_MS = 3 * 60_000;

/** The versions a store PC names on every /sync request. */
export interface PcVersion {
  appVersion: string;
  protocol: number;
}

/**
 * Stores, store PCs and connector clients as head office manages them: tokens issued and
 * revoked, what each PC last said about itself, and the versions the server accepts.
 */
export class Fleet {
  private minAppVersion: { value: string; readAt: number } | null = null;

  constructor(
    private readonly db: ServerDb,
    private readonly notify: () => void,
  ) {}

  stores(): Promise<ConsoleStore[]> {
    return rows<ConsoleStore>(
      this.db,
      sql`SELECT s.id, s.name, s.is_head_office AS "isHeadOffice",
                 (SELECT count(*)::int FROM clients c WHERE c.store_id = s.id AND c.kind = 'pc' AND c.revoked_at IS NULL) AS pcs
          FROM stores s ORDER BY s.sort_order, s.id`,
    );
  }

  /** Adds a store or renames it; its address, phone and order stay as they were. */
  async putStore(input: { id: string; name: string; isHeadOffice: boolean }, now: Date): Promise<ConsoleStore> {
    const [old] = await rows<{ postalCode: string; address: string; phone: string; sortOrder: number }>(
      this.db,
      sql`SELECT postal_code AS "postalCode", address, phone, sort_order AS "sortOrder" FROM stores WHERE id = ${input.id}`,
    );
    await putStore(
      this.db,
      {
        ...input,
        postalCode: old?.postalCode ?? '',
        address: old?.address ?? '',
        phone: old?.phone ?? '',
        sortOrder: old?.sortOrder ?? 0,
      },
      now,
      this.notify,
    );
    return (await this.stores()).find((s) => s.id === input.id)!;
  }

  async clients(now: Date): Promise<ConsoleClient[]> {
    const [found, last, settings] = await Promise.all([
      jsonRows<Omit<ConsoleClient, 'online' | 'offlineSince' | 'tooOld' | 'lagChanges'>>(
        this.db,
        sql`SELECT c.id, c.kind, c.name, c.store_id AS "storeId", s.name AS "storeName", c.created_at AS "createdAt",
                   c.revoked_at AS "revokedAt", c.last_seen_at AS "lastSeenAt",
                   r.app_version AS "appVersion", r.protocol, r.reported_at AS "reportedAt", r.report
            FROM clients c LEFT JOIN stores s ON s.id = c.store_id LEFT JOIN client_reports r ON r.client_id = c.id
            WHERE c.kind <> 'admin' ORDER BY c.revoked_at IS NOT NULL, s.sort_order, c.store_id, c.id`,
      ),
      lastChange(this.db),
      this.settings(),
    ]);
    return found.map((c) => {
      const online = !c.revokedAt && c.lastSeenAt !== null && now.getTime() - Date.parse(c.lastSeenAt) < ONLINE_MS;
      const report = c.report as PcReport | null;
      return {
        ...c,
        online,
        offlineSince: online || c.revokedAt ? null : c.lastSeenAt,
        tooOld:
          c.appVersion !== null &&
          updateRequired({ appVersion: c.appVersion, protocol: c.protocol ?? 1 }, settings) !== null,
        lagChanges: report ? Math.max(0, last - report.cursor) : null,
      };
    });
  }

  /** A new token, shown this once with its setup string; the server keeps only its hash. */
  async issue(
    input: { kind: 'pc' | 'connector'; name: string; storeId: string | null; serverUrl: string },
    now: Date,
  ): Promise<IssuedClient> {
    if (input.kind === 'pc') {
      const [store] = await rows(this.db, sql`SELECT 1 FROM stores WHERE id = ${input.storeId}`);
      if (!store)
        throw new UserError('PC を登録する店舗を選んでください。店舗がなければ先に「店舗」で登録してください。');
    }
    const storeId = input.kind === 'pc' ? input.storeId : null;
    const { id, token } = await createClient(this.db, { kind: input.kind, name: input.name, storeId }, now);
    return { id, token, setup: makeSetupString(input.serverUrl, token) };
  }

  async revoke(id: number, now: Date): Promise<{ ok: true }> {
    const [found] = await rows(
      this.db,
      sql`UPDATE clients SET revoked_at = coalesce(revoked_at, ${now.toISOString()}) WHERE id = ${id} AND kind <> 'admin' RETURNING id`,
    );
    if (!found) throw new UserError('端末が見つかりません。');
    return { ok: true };
  }

  async settings(): Promise<FleetSettings> {
    return { minAppVersion: await this.minVersion(), minProtocol: MIN_PROTOCOL_VERSION, protocol: PROTOCOL_VERSION };
  }

  /** The minimum app version, read from the database at most every 10 s (every /sync call asks). */
  private async minVersion(): Promise<string> {
    if (this.minAppVersion && Date.now() - this.minAppVersion.readAt < 10_000) return this.minAppVersion.value;
    const [row] = await rows<{ value: string }>(
      this.db,
      sql`SELECT value #>> '{}' AS value FROM server_settings WHERE key = 'min_app_version'`,
    );
    this.minAppVersion = { value: row?.value ?? '', readAt: Date.now() };
    return this.minAppVersion.value;
  }

  async saveSettings(input: { minAppVersion: string }): Promise<FleetSettings> {
    await this.db.execute(
      sql`INSERT INTO server_settings (key, value) VALUES ('min_app_version', ${JSON.stringify(input.minAppVersion)}::jsonb)
          ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
    this.minAppVersion = null;
    return this.settings();
  }

  /** Why this PC must update before it syncs (Japanese), or null. */
  async updateMessage(version: PcVersion): Promise<string | null> {
    return updateRequired(version, { minAppVersion: await this.minVersion() });
  }

  /** Keeps what a PC says about itself, with the versions it named. */
  async saveReport(client: ClientIdentity, version: PcVersion, report: PcReport, now: Date): Promise<void> {
    await this.db.execute(
      sql`INSERT INTO client_reports (client_id, reported_at, app_version, protocol, report)
          VALUES (${client.id}, ${now.toISOString()}, ${version.appVersion || report.appVersion}, ${version.protocol}, ${JSON.stringify(report)}::jsonb)
          ON CONFLICT (client_id) DO UPDATE SET reported_at = excluded.reported_at, app_version = excluded.app_version,
            protocol = excluded.protocol, report = excluded.report`,
    );
  }

  /** A PC listening to its change stream is online: its last-seen time moves, at the grain findClient keeps. */
  async seen(clientId: number, now: Date): Promise<void> {
    await touchLastSeen(this.db, clientId, now);
  }

  /** The versions a PC named at hello, kept before it ever reports. */
  async saveVersion(client: ClientIdentity, version: PcVersion, now: Date): Promise<void> {
    await this.db.execute(
      sql`INSERT INTO client_reports (client_id, reported_at, app_version, protocol, report)
          VALUES (${client.id}, ${now.toISOString()}, ${version.appVersion}, ${version.protocol}, 'null'::jsonb)
          ON CONFLICT (client_id) DO UPDATE SET app_version = excluded.app_version, protocol = excluded.protocol`,
    );
  }
}
