/**
 * The server's request limits, kept per process: each guards its own door and needs no
 * shared state (several processes behind a balancer each allow as much again).
 *
 * Memory stays bounded without ever being cleared wholesale: every table keeps at most
 * `capacity` keys; ended entries go first, then the oldest. Blocks live in their own table,
 * so an attacker rotating addresses pushes out only failure counters, never a running block.
 */

export interface RateLimits {
  /** Failed authentications from one address within `failureWindowMs` before it is turned away. */
  failures: number;
  failureWindowMs: number;
  /** Requests one token may make at once, and how many it earns back each second. */
  burst: number;
  perSecond: number;
  /** Keys each table keeps at most. */
  capacity: number;
  /**
   * Request-body bytes one token may send at once and earns back each second, and may have
   * being read at one time: a parsed body takes several times its size in memory, so a
   * token cannot hold the server's memory with large or parallel uploads.
   */
  bodyBytesBurst: number;
  bodyBytesPerSecond: number;
  bodyBytesInFlight: number;
}

export const DEFAULT_LIMITS: RateLimits = {
  bodyBytesBurst: 256 * 1024 * 1024,
  bodyBytesPerSecond: 8 * 1024 * 1024,
  bodyBytesInFlight: 64 * 1024 * 1024,
  failures: 20,
  failureWindowMs: 60_000,
  // A first sync of 100,000 orders is about 50 pages, a backlog of 10,000 ops 5 pushes:
  // ordinary work stays far below this; a stolen token run from many addresses does not.
  burst: 1200,
  perSecond: 20,
  capacity: 10_000,
};

/** A token a PC kept using from an address stays welcome there for a day after its last use. */
const TRUST_MS = 86_400_000;

/**
 * Keys with an end time, oldest-set first. Where every new end time is the latest (failure
 * windows, blocks, trust) that is also the order they end in, so the front is what goes.
 */
class ExpiringKeys<V extends { until: number }> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string, now: number): V | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.until <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Stores `value` as the newest entry; drops ended ones, then the soonest-ending, to make room. */
  set(key: string, value: V, now: number): void {
    this.entries.delete(key);
    for (const [oldest, entry] of this.entries) {
      if (entry.until > now && this.entries.size < this.capacity) break;
      this.entries.delete(oldest);
    }
    this.entries.set(key, value);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Failed authentications, counted per remote address. After `failures` in a window the
 * address is turned away until the window has passed since the block — except for tokens
 * that already worked from that address, so that one PC with a revoked token does not lock
 * out the whole store behind the same router. A guess is never such a token, so a blocked
 * guesser learns nothing from the answer.
 */
export class AuthFailures {
  private readonly counting: ExpiringKeys<{ until: number; n: number }>;
  private readonly blocks: ExpiringKeys<{ until: number }>;
  private readonly trusted: ExpiringKeys<{ until: number }>;

  constructor(private readonly limits: RateLimits = DEFAULT_LIMITS) {
    this.counting = new ExpiringKeys(limits.capacity);
    this.blocks = new ExpiringKeys(limits.capacity);
    this.trusted = new ExpiringKeys(limits.capacity);
  }

  /** A failure from `address`; a token that stopped working (revoked) is no longer trusted there. */
  record(address: string, tokenHash: string, now: Date): void {
    const t = now.getTime();
    if (tokenHash) this.trusted.delete(`${address}\u0000${tokenHash}`);
    const entry = this.counting.get(address, t);
    if (!entry) {
      this.counting.set(address, { until: t + this.limits.failureWindowMs, n: 1 }, t);
      return;
    }
    entry.n += 1;
    if (entry.n >= this.limits.failures) {
      this.counting.delete(address);
      this.blocks.set(address, { until: t + this.limits.failureWindowMs }, t);
    }
  }

  /** Seconds until the address is let back in, or 0 when it may come in (with this token). */
  blockedFor(address: string, tokenHash: string, now: Date): number {
    const t = now.getTime();
    const block = this.blocks.get(address, t);
    if (!block || (tokenHash && this.trusted.get(`${address}\u0000${tokenHash}`, t))) return 0;
    return Math.ceil((block.until - t) / 1000);
  }

  /** The token authenticated from this address. */
  trust(address: string, tokenHash: string, now: Date): void {
    const t = now.getTime();
    this.trusted.set(`${address}\u0000${tokenHash}`, { until: t + TRUST_MS }, t);
  }

  /** Entries held, for tests of the bound. */
  get size(): { counting: number; blocks: number; trusted: number } {
    return { counting: this.counting.size, blocks: this.blocks.size, trusted: this.trusted.size };
  }
}

/**
 * Requests per authenticated token (a token bucket keyed by the token's hash): a store's
 * PCs behind one address each have their own allowance, and a stolen token is limited
 * however many addresses it is used from. Only tokens that authenticated get a bucket.
 */
export class TokenRate {
  private readonly buckets: ExpiringKeys<{ until: number; tokens: number; at: number }>;

  constructor(private readonly limits: RateLimits = DEFAULT_LIMITS) {
    this.buckets = new ExpiringKeys(limits.capacity);
  }

  /** A bucket ends once it would be full again: dropping it then forgets nothing. */
  private refill(tokenHash: string, t: number): { until: number; tokens: number; at: number } {
    const bucket = this.buckets.get(tokenHash, t);
    if (!bucket) return { until: t, tokens: this.limits.burst, at: t };
    return {
      ...bucket,
      tokens: Math.min(this.limits.burst, bucket.tokens + ((t - bucket.at) / 1000) * this.limits.perSecond),
      at: t,
    };
  }

  /** Seconds until the token may make a request again, or 0; checked before the database is asked. */
  waitFor(tokenHash: string, now: Date): number {
    const bucket = this.refill(tokenHash, now.getTime());
    return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) / this.limits.perSecond);
  }

  /** Spends one request of an authenticated token; false when it has none left. */
  take(tokenHash: string, now: Date): boolean {
    const t = now.getTime();
    const bucket = this.refill(tokenHash, t);
    if (bucket.tokens < 1) return false;
    const tokens = bucket.tokens - 1;
    const until = t + Math.ceil(((this.limits.burst - tokens) / this.limits.perSecond) * 1000);
    this.buckets.set(tokenHash, { until, tokens, at: t }, t);
    return true;
  }

  get size(): number {
    return this.buckets.size;
  }
}

/**
 * Request-body bytes per authenticated token: a budget that refills with time (as TokenRate
 * does for requests) and a cap on bytes being read and handled at once.
 */
export class BodyBudget {
  private readonly buckets: ExpiringKeys<{ until: number; bytes: number; at: number }>;
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly limits: RateLimits = DEFAULT_LIMITS) {
    this.buckets = new ExpiringKeys(limits.capacity);
  }

  private refill(tokenHash: string, t: number): { bytes: number } {
    const bucket = this.buckets.get(tokenHash, t);
    if (!bucket) return { bytes: this.limits.bodyBytesBurst };
    return {
      bytes: Math.min(
        this.limits.bodyBytesBurst,
        bucket.bytes + ((t - bucket.at) / 1000) * this.limits.bodyBytesPerSecond,
      ),
    };
  }

  /**
   * Takes `bytes` for a request about to be read: 0 when taken (call `done` after), else the
   * seconds to wait. A body larger than the whole budget is taken from a full budget.
   */
  take(tokenHash: string, bytes: number, now: Date): number {
    const t = now.getTime();
    const held = this.inFlight.get(tokenHash) ?? 0;
    if (held > 0 && held + bytes > this.limits.bodyBytesInFlight) return 1;
    const { bytes: left } = this.refill(tokenHash, t);
    const cost = Math.min(bytes, this.limits.bodyBytesBurst);
    if (left < cost) return Math.max(1, Math.ceil((cost - left) / this.limits.bodyBytesPerSecond));
    const remaining = left - cost;
    const until = t + Math.ceil(((this.limits.bodyBytesBurst - remaining) / this.limits.bodyBytesPerSecond) * 1000);
    this.buckets.set(tokenHash, { until, bytes: remaining, at: t }, t);
    this.inFlight.set(tokenHash, held + bytes);
    return 0;
  }

  /** The request's body has been handled. */
  done(tokenHash: string, bytes: number): void {
    const held = (this.inFlight.get(tokenHash) ?? 0) - bytes;
    if (held > 0) this.inFlight.set(tokenHash, held);
    else this.inFlight.delete(tokenHash);
  }
}
