import { lastChange } from '../db/changes.js';
import type { ServerDb } from '../db/open.js';

/**
 * Tells connected PCs that something changed, so they pull within 2 seconds. The last change
 * number lives in the database, and every process polls it: a change made through another
 * server process sharing the PostgreSQL reaches this process's PCs too.
 */
export class ChangeHub {
  private readonly listeners = new Set<(seq: number) => void>();
  private last = 0;
  private timer: NodeJS.Timeout | null = null;
  private checking = false;

  constructor(
    private readonly db: ServerDb,
    private readonly intervalMs = 500,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  subscribe(listener: (seq: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called after a local commit, and by the poll; tells everyone when the number moved. */
  async check(): Promise<void> {
    if (this.checking || !this.timer) return;
    this.checking = true;
    try {
      const seq = await lastChange(this.db);
      if (seq > this.last) {
        this.last = seq;
        for (const listener of this.listeners) listener(seq);
      }
    } catch {
      // The database is briefly unreachable: the next poll tries again.
    } finally {
      this.checking = false;
    }
  }
}
