/**
 * Slows down token guessing: after 20 failed authentications from one address within a
 * minute, that address is turned away for the rest of the minute. Per process on purpose:
 * it guards a process's own door and needs no shared state.
 */
export class AuthFailures {
  private readonly counts = new Map<string, { since: number; n: number }>();

  constructor(
    private readonly limit = 20,
    private readonly windowMs = 60_000,
  ) {}

  record(address: string, now: Date): void {
    const t = now.getTime();
    const entry = this.counts.get(address);
    if (!entry || t - entry.since > this.windowMs) this.counts.set(address, { since: t, n: 1 });
    else entry.n += 1;
    if (this.counts.size > 10_000) this.counts.clear();
  }

  blocked(address: string, now: Date): boolean {
    const entry = this.counts.get(address);
    return !!entry && now.getTime() - entry.since <= this.windowMs && entry.n >= this.limit;
  }
}
