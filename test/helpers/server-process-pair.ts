import pg from 'pg';
import { afterAll, beforeAll, expect } from 'vitest';
import type { NewOrder } from '../../src-shared/domain/order.js';
import type { PullResponse, WireOp } from '../../src-shared/sync/protocol.js';
import { freshPostgres } from './central-server.js';
import { makeOrder } from './orders.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { stockIntakeBody } from './stock.js';

/** Calls a server process's HTTP API with a token; anything but 200 throws with the answer. */
export async function call<T>(
  server: ServerProcess,
  token: string,
  method: string,
  route: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${server.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${method} ${route}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

export const orderNo = (i: number, batch = 'MP') => `${batch}-${String(i).padStart(4, '0')}`;
export const ordersOf = (batch: string, n: number): NewOrder[] =>
  Array.from({ length: n }, (_, i) =>
    makeOrder({ orderNo: orderNo(i, batch), storeId: 'tokyo', paymentMethod: 'cod' }),
  );
export const chunks = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** A pushed op on an order, as the 東京店 PC or a head-office (本部) PC sends it. */
export function op(no: string, opId: string, actor: 'tokyo' | 'head', extra: Record<string, unknown>): WireOp {
  return {
    opId,
    channel: 'yahoo_shopping',
    orderNo: no,
    kind: 'status',
    at: new Date().toISOString(),
    actor: {
      operator: actor === 'tokyo' ? '東京担当' : '本部担当',
      pcId: `${actor}-PC`,
      storeId: actor === 'tokyo' ? 'tokyo' : 'honbu',
    },
    reason: '',
    from: null,
    to: null,
    ...extra,
  } as WireOp;
}

export type PairToken = 'admin' | 'tokyo' | 'head' | 'watcher' | 'reader' | 'osaka' | 'connectorA' | 'connectorB';

export interface ServerProcessPair {
  servers: [ServerProcess, ServerProcess];
  /** A direct connection to the PostgreSQL both use. */
  sql: pg.Client;
  tokens: Record<PairToken, string>;
}

/**
 * Two `npm run server` processes started at once on one fresh PostgreSQL, for the tests of
 * the describe block this is called in: stores 本部, 東京店 and 大阪店 with stock of MG-010,
 * PCs of each store (three at 本部) and two channel connectors, registered through either.
 */
export function useServerProcessPair(): ServerProcessPair {
  const pair = { tokens: {} } as ServerProcessPair;
  let database: { url: string; drop(): Promise<void> } | undefined;
  beforeAll(async () => {
    database = await freshPostgres();
    // Both start at once on the empty database: migrations, masters and the admin token race.
    pair.servers = (await Promise.all([
      startServerProcess({ url: database.url }),
      startServerProcess({ url: database.url }),
    ])) as [ServerProcess, ServerProcess];
    pair.sql = new pg.Client({ connectionString: database.url });
    await pair.sql.connect();
    const { tokens } = pair;
    const admins = pair.servers.map((s) => s.adminToken).filter((t): t is string => t !== null);
    expect(admins).toHaveLength(1);
    tokens.admin = admins[0]!;
    const [a, b] = pair.servers;
    await call(a, tokens.admin, 'POST', '/admin/stores', { id: 'honbu', name: '本部', isHeadOffice: true });
    await call(b, tokens.admin, 'POST', '/admin/stores', { id: 'tokyo', name: '東京店' });
    await call(a, tokens.admin, 'POST', '/admin/stores', { id: 'osaka', name: '大阪店' });
    // The test orders' SKU at every store: the server reserves pushed 在庫確認 from its own stock.
    const stock = ['honbu', 'tokyo', 'osaka'].map((s): [string, string, number] => ['MG-010', s, 100_000]);
    await call(b, tokens.admin, 'POST', '/intake/stock', stockIntakeBody(stock));
    const client = async (server: ServerProcess, body: object) =>
      (await call<{ token: string }>(server, tokens.admin, 'POST', '/admin/clients', body)).token;
    tokens.tokyo = await client(a, { kind: 'pc', name: '東京PC', storeId: 'tokyo' });
    tokens.osaka = await client(b, { kind: 'pc', name: '大阪PC', storeId: 'osaka' });
    tokens.head = await client(b, { kind: 'pc', name: '本部PC', storeId: 'honbu' });
    tokens.watcher = await client(a, { kind: 'pc', name: '本部PC2', storeId: 'honbu' });
    tokens.reader = await client(b, { kind: 'pc', name: '本部PC3', storeId: 'honbu' });
    tokens.connectorA = await client(a, { kind: 'connector', name: '連携A' });
    tokens.connectorB = await client(b, { kind: 'connector', name: '連携B' });
  }, 120_000);

  afterAll(async () => {
    await pair.sql?.end();
    await Promise.all((pair.servers ?? []).map((s) => s.stop()));
    await database?.drop();
  });
  return pair;
}

/** The same orders through both servers at once, in opposite orders; what each call created. */
export async function intakeThroughBoth(
  pair: ServerProcessPair,
  orders: NewOrder[],
): Promise<{ created: string[]; duplicates: string[] }> {
  const { servers, tokens } = pair;
  const sends = [
    ...chunks(orders, 40).map((part) => ({ server: servers[0], token: tokens.connectorA, part })),
    ...chunks([...orders].reverse(), 40).map((part) => ({ server: servers[1], token: tokens.connectorB, part })),
  ];
  const answers = await Promise.all(
    sends.map(async ({ server, token, part }) => {
      const r = await call<{ created: number; duplicates: string[] }>(server, token, 'POST', '/intake/orders', {
        orders: part,
      });
      const dup = new Set(r.duplicates);
      expect(r.created).toBe(part.length - dup.size);
      return { created: part.map((o) => o.orderNo).filter((no) => !dup.has(no)), duplicates: r.duplicates };
    }),
  );
  return { created: answers.flatMap((a) => a.created), duplicates: answers.flatMap((a) => a.duplicates) };
}

/**
 * A head-office PC that only pulls, through both servers in turn, the whole time: what it
 * ends up with must be exactly what the database holds. One takes seven entries a page
 * (pages cut between an order's changes), one whole pages (each read races the writers).
 */
export class Puller {
  constructor(
    private readonly pair: ServerProcessPair,
    private readonly token: PairToken,
    private readonly limit: number,
  ) {}

  cursor = 0;
  readonly cursors: number[] = [];
  readonly orders = new Map<string, { status: string; version: number; staffComment: string }>();
  readonly history: string[] = [];
  private stopped = false;
  private loop: Promise<void> | null = null;

  start(): void {
    this.loop = (async () => {
      let turn = 0;
      while (!this.stopped) {
        await this.page(this.pair.servers[turn++ % 2]!);
        // Pacing between pages, as a PC pulls again and again (nothing is awaited here).
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
  }

  private async page(server: ServerProcess): Promise<boolean> {
    const page = await call<PullResponse>(
      server,
      this.pair.tokens[this.token],
      'GET',
      `/sync/pull?cursor=${this.cursor}&limit=${this.limit}`,
    );
    for (const o of page.orders)
      this.orders.set(o.orderNo, { status: o.status, version: o.version, staffComment: o.staffComment });
    for (const h of page.history)
      this.history.push(JSON.stringify([h.orderNo, h.kind, h.from, h.to, h.pcId, h.reason, h.at]));
    this.cursors.push(page.cursor);
    this.cursor = page.cursor;
    return page.hasMore;
  }

  async finish(): Promise<void> {
    this.stopped = true;
    await this.loop;
    let turn = 0;
    while (await this.page(this.pair.servers[turn++ % 2]!));
  }
}
