/** A documented usage plan: requests per second and how many may go at once after a rest. */
export interface UsagePlan {
  rate: number;
  burst: number;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/**
 * Requests paced exactly at the plan still reach the channel bunched (the network, a busy
 * process), and the channel counts arrivals: so the pacer keeps under it, at this share of
 * the rate and half the burst, and a refusal for pace (a hold of every request) stays rare.
 */
const MARGIN = 0.9;
const paced = (plan: UsagePlan): UsagePlan => ({
  rate: plan.rate * MARGIN,
  burst: Math.max(1, Math.ceil(plan.burst / 2)),
});

/**
 * A token bucket per operation, so that Chumon never sends faster than the channel's usage
 * plan: `take()` resolves when a request may go. A throttling answer empties the bucket and
 * holds every caller back for the time the channel asked (or a doubling back-off); a rate
 * the channel announces (Amazon's x-amzn-RateLimit-Limit) replaces the documented one.
 */
class Pacer {
  private tokens: number;
  private last = performance.now();
  private heldUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  private pace: UsagePlan;

  constructor(private plan: UsagePlan) {
    this.pace = paced(plan);
    this.tokens = this.pace.burst;
  }

  /** The channel's plan as documented or announced (the pacer keeps a little under it). */
  get current(): UsagePlan {
    return { ...this.plan };
  }

  /** The channel announced the rate it applies to this account. */
  announce(rate: number): void {
    if (!Number.isFinite(rate) || rate <= 0 || rate === this.plan.rate) return;
    this.plan = { ...this.plan, rate };
    this.pace = paced(this.plan);
  }

  /** The channel refused for pace: no request until `ms` from now, and an empty bucket. */
  holdBack(ms: number): void {
    this.tokens = 0;
    this.last = performance.now();
    this.heldUntil = Math.max(this.heldUntil, this.last + ms);
  }

  take(): Promise<void> {
    const turn = this.queue.then(() => this.wait());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async wait(): Promise<void> {
    for (;;) {
      const now = performance.now();
      if (now < this.heldUntil) {
        await sleep(this.heldUntil - now);
        continue;
      }
      this.tokens = Math.min(this.pace.burst, this.tokens + ((now - this.last) / 1000) * this.pace.rate);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - this.tokens) / this.pace.rate) * 1000));
    }
  }
}

/** Pacers by operation name, made on first use from the documented plans. */
export class Pacers {
  private readonly made = new Map<string, Pacer>();

  constructor(private readonly plans: Record<string, UsagePlan>) {}

  of(operation: string): Pacer {
    let pacer = this.made.get(operation);
    if (!pacer) {
      const plan = this.plans[operation];
      if (!plan) throw new Error(`no usage plan for ${operation}`);
      pacer = new Pacer(plan);
      this.made.set(operation, pacer);
    }
    return pacer;
  }
}
