import { ChannelUnavailableError } from './connector.js';
import type { Pacers } from './pacer.js';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The channel refused for pace (its pacer is already holding back). */
  throttled: boolean;
}

/** The request failed on the way (timeout, dropped connection): whether it arrived is unknown. */
export class NetworkFailure extends Error {}

interface RetryPolicy {
  /** Per request. */
  timeoutMs: number;
  /** First wait after a failure; it doubles each time. */
  backoffMs: number;
  /** Reads give up (the run ends, the next run tries again) after this many tries. */
  attempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { timeoutMs: 30_000, backoffMs: 1_000, attempts: 6 };

export interface ChannelProtocol {
  /** The channel's name in messages (Amazon, Yahoo!ショッピング, 楽天市場). */
  label: string;
  /** A throttling answer: how long to hold back (null: not throttled). */
  throttle(answer: Omit<HttpAnswer, 'throttled'>, backoffMs: number): number | null;
  /** A response header announcing the rate applied to this account, if the channel sends one. */
  rateHeader?: string;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Retry-After in seconds, as HTTP says; the caller's back-off when there is none. */
export function retryAfter(answer: Omit<HttpAnswer, 'throttled'>, fallbackMs: number): number {
  const seconds = Number(answer.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : fallbackMs;
}

/** A request this slow holds up its batch of notices or its page: the server's log says so. */
const SLOW_REQUEST_MS = 10_000;

function slowRequest(channel: string, operation: string, started: number, outcome: string): void {
  const ms = performance.now() - started;
  if (ms >= SLOW_REQUEST_MS) console.warn(`${channel} ${operation}: ${outcome} after ${(ms / 1000).toFixed(1)} s`);
}

/**
 * Every request to a channel goes through here: paced by the operation's usage plan, with a
 * timeout. Reads are retried (throttling, 5xx, network) with a doubling back-off; writes are
 * sent once and their outcome classified by the caller.
 */
export class ChannelHttp {
  constructor(
    private readonly pacers: Pacers,
    private readonly protocol: ChannelProtocol,
    readonly policy: RetryPolicy,
  ) {}

  /** One paced request. Throws NetworkFailure when no answer came. */
  async send(
    operation: string,
    url: string,
    init: RequestInit,
    backoffMs = this.policy.backoffMs,
  ): Promise<HttpAnswer> {
    const pacer = this.pacers.of(operation);
    await pacer.take();
    let response: Response;
    let text: string;
    const started = performance.now();
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(this.policy.timeoutMs) });
      text = await response.text();
    } catch (err) {
      const failure = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      slowRequest(this.protocol.label, operation, started, failure);
      throw new NetworkFailure(failure);
    }
    slowRequest(this.protocol.label, operation, started, `HTTP ${response.status}`);
    const answer = { status: response.status, headers: response.headers, text };
    const announced = this.protocol.rateHeader ? Number(response.headers.get(this.protocol.rateHeader)) : NaN;
    if (announced > 0) pacer.announce(announced);
    const hold = this.protocol.throttle(answer, backoffMs);
    if (hold !== null) pacer.holdBack(hold);
    return { ...answer, throttled: hold !== null };
  }

  /**
   * A read, retried until it gets an answer that is neither throttling nor a server error.
   * `prepare` builds the request afresh each time (a refreshed access token goes in).
   */
  async read(operation: string, url: string, prepare: () => Promise<RequestInit>): Promise<HttpAnswer> {
    let wait = this.policy.backoffMs;
    let problem = '';
    for (let attempt = 1; attempt <= this.policy.attempts; attempt++) {
      try {
        const answer = await this.send(operation, url, await prepare(), wait);
        if (answer.throttled) {
          problem = `HTTP ${answer.status}（リクエスト過多）`;
          wait *= 2;
          continue;
        }
        if (answer.status < 500) return answer;
        problem = `HTTP ${answer.status}`;
      } catch (err) {
        if (!(err instanceof NetworkFailure)) throw err;
        problem = '通信が途中で切れました';
      }
      if (attempt < this.policy.attempts) await sleep(wait);
      wait *= 2;
    }
    throw new ChannelUnavailableError(
      `${this.protocol.label}に接続できませんでした（${problem}）。次回の取得で自動的に再試行します。`,
    );
  }
}
