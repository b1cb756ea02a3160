import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The machinery the channel fakes share: a real HTTP server on 127.0.0.1, a usage plan per
 * operation enforced the way the channel does (its own 429 answer), a fixed latency, and
 * faults injected per operation: slow answers, bursts of 429, 5xx, connections dropped before
 * or after the request took effect, expired tokens, and list pages served twice.
 */

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FakeAnswer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export type Fault =
  | { kind: 'status'; status: number; body?: string; headers?: Record<string, string> }
  | { kind: 'throttle' }
  | { kind: 'slow'; ms: number }
  /** The connection drops before the request is handled: nothing happened. */
  | { kind: 'drop' }
  /** The request takes effect, then the connection drops: the answer is lost. */
  | { kind: 'drop-after' }
  /** A list operation answers with the page it answered last time. */
  | { kind: 'repeat-page' };

export interface Plan {
  rate: number;
  burst: number;
}

export interface Route {
  op: string;
  method: string;
  /** Matched against the path; groups become params. */
  pattern: RegExp;
  /** Whether the operation needs a valid access token or key (checked before the plan). */
  handle(request: FakeRequest, params: string[]): FakeAnswer | Promise<FakeAnswer>;
}

export interface FakeChannelOptions {
  latencyMs?: number;
  plans?: Record<string, Plan>;
}

class Bucket {
  private tokens: number;
  private last = performance.now();
  constructor(private readonly plan: Plan) {
    this.tokens = plan.burst;
  }
  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.plan.burst, this.tokens + ((now - this.last) / 1000) * this.plan.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export const json = (status: number, value: unknown, headers?: Record<string, string>): FakeAnswer => ({
  status,
  body: JSON.stringify(value),
  headers: { 'content-type': 'application/json', ...headers },
});

export const xml = (status: number, body: string, headers?: Record<string, string>): FakeAnswer => ({
  status,
  body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`,
  headers: { 'content-type': 'application/xml; charset=UTF-8', ...headers },
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export abstract class FakeChannel {
  url = '';
  /** Requests answered (or dropped) per operation. */
  readonly calls = new Map<string, number>();
  /** Requests refused for pace per operation. */
  readonly throttled = new Map<string, number>();
  private server: Server | null = null;
  private readonly faults = new Map<string, Fault[]>();
  private readonly buckets = new Map<string, Bucket>();
  private readonly lastPages = new Map<string, FakeAnswer>();
  latencyMs: number;

  protected constructor(
    private readonly plans: Record<string, Plan>,
    options: FakeChannelOptions,
  ) {
    this.latencyMs = options.latencyMs ?? 0;
    for (const [op, plan] of Object.entries({ ...plans, ...options.plans })) this.buckets.set(op, new Bucket(plan));
  }

  protected abstract routes(): Route[];
  /** The channel's own answer to too many requests. */
  protected abstract throttleAnswer(op: string): FakeAnswer;

  /** Queues faults for an operation ('*': any); each is used by one request, in order. */
  inject(op: string, ...faults: Fault[]): void {
    this.faults.set(op, [...(this.faults.get(op) ?? []), ...faults]);
  }

  /** Replaces the usage plan of an operation (a seller with a higher plan). */
  setPlan(op: string, plan: Plan): void {
    this.buckets.set(op, new Bucket(plan));
  }

  count(op: string): number {
    return this.calls.get(op) ?? 0;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.dispatch(req, res));
    this.server.keepAliveTimeout = 65_000;
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    const server = this.server;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }

  private nextFault(op: string): Fault | undefined {
    for (const key of [op, '*']) {
      const list = this.faults.get(key);
      if (list?.length) return list.shift();
    }
    return undefined;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const request: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    };
    let matched: { route: Route; params: string[] } | null = null;
    for (const route of this.routes()) {
      const m = route.method === request.method ? route.pattern.exec(request.path) : null;
      if (m) matched = { route, params: m.slice(1) };
      if (m) break;
    }
    if (!matched) return this.send(res, json(404, { message: 'Not Found' }));
    const { route, params } = matched;
    this.calls.set(route.op, this.count(route.op) + 1);
    // The plan counts requests as they arrive, as the channel's gateway does.
    const withinPlan = this.buckets.get(route.op)?.take() ?? true;
    if (this.latencyMs) await sleep(this.latencyMs);
    const fault = this.nextFault(route.op);
    if (fault?.kind === 'slow') await sleep(fault.ms);
    if (fault?.kind === 'drop') return void res.socket?.destroy();
    if (fault?.kind === 'status')
      return this.send(res, { status: fault.status, body: fault.body ?? '', headers: fault.headers });
    if (fault?.kind === 'throttle' || !withinPlan) {
      this.throttled.set(route.op, (this.throttled.get(route.op) ?? 0) + 1);
      return this.send(res, this.throttleAnswer(route.op));
    }
    if (fault?.kind === 'repeat-page' && this.lastPages.has(route.op))
      return this.send(res, this.lastPages.get(route.op)!);
    const answer = await route.handle(request, params);
    this.lastPages.set(route.op, answer);
    if (fault?.kind === 'drop-after') return void res.socket?.destroy();
    this.send(res, answer);
  }

  private send(res: ServerResponse, answer: FakeAnswer): void {
    res.writeHead(answer.status, answer.headers ?? {});
    res.end(answer.body);
  }
}

/** An OAuth 2.0 token endpoint's bookkeeping: refresh tokens in, expiring access tokens out. */
export class FakeTokens {
  private readonly issued = new Map<string, number>();
  private counter = 0;
  /** Access tokens handed out. */
  refreshes = 0;
  lifetimeSeconds = 3600;

  constructor(
    private readonly prefix: string,
    public clientId: string,
    public clientSecret: string,
    public refreshToken: string,
  ) {}

  /** The grant as a form body: an access token, or the OAuth error a wrong one gets. */
  grant(body: string): FakeAnswer {
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'refresh_token')
      return json(400, { error: 'unsupported_grant_type', error_description: 'grant_type must be refresh_token' });
    if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret)
      return json(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    if (form.get('refresh_token') !== this.refreshToken)
      return json(400, { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter' });
    this.refreshes += 1;
    const token = `${this.prefix}${++this.counter}${Math.random().toString(36).slice(2)}`;
    this.issued.set(token, Date.now() + this.lifetimeSeconds * 1000);
    return json(200, { access_token: token, token_type: 'bearer', expires_in: this.lifetimeSeconds });
  }

  /** 'valid', 'expired' (was issued, no longer good) or 'unknown'. */
  check(token: string | undefined): 'valid' | 'expired' | 'unknown' {
    const until = token ? this.issued.get(token) : undefined;
    if (until === undefined) return 'unknown';
    return until > Date.now() ? 'valid' : 'expired';
  }

  /** Every access token handed out so far stops working now. */
  expireAll(): void {
    for (const token of this.issued.keys()) this.issued.set(token, 0);
  }
}
