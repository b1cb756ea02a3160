/**
 * Request latencies of a load run, per request kind: the whole run's percentiles at the end,
 * and a line per window while it runs (so a long run shows where it drifts, and a run that is
 * stopped early has printed what it measured).
 */
export class Latencies {
  private readonly all = new Map<string, number[]>();
  private window = new Map<string, number[]>();
  readonly errors: string[] = [];

  async timed<T>(kind: string, task: () => Promise<T>): Promise<T | null> {
    const start = performance.now();
    try {
      return await task();
    } catch (err) {
      this.errors.push(`${kind}: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    } finally {
      const ms = performance.now() - start;
      for (const map of [this.all, this.window]) {
        const list = map.get(kind) ?? [];
        list.push(ms);
        map.set(kind, list);
      }
    }
  }

  /** One line for the window since the last call: n and p99 per kind, errors so far. */
  windowLine(elapsedSeconds: number, extra: string): string {
    const parts = [...this.window].map(([kind, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return `${kind} n=${sorted.length} p99 ${percentile(sorted, 99).toFixed(1)} ms`;
    });
    this.window = new Map();
    return [`[${String(elapsedSeconds).padStart(4)} s] ${extra}`, ...parts, `errors ${this.errors.length}`].join('; ');
  }

  /** The whole run: p50/p95/p99/max per kind, then the first errors. */
  summary(): string[] {
    const lines = [...this.all].map(([kind, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      const at = (p: number) => percentile(sorted, p).toFixed(1);
      return `${kind.padEnd(20)} n=${String(sorted.length).padStart(6)}  p50 ${at(50)} ms  p95 ${at(95)} ms  p99 ${at(99)} ms  max ${sorted[sorted.length - 1]!.toFixed(1)} ms`;
    });
    lines.push(`errors: ${this.errors.length}`, ...this.errors.slice(0, 20).map((e) => `  ${e}`));
    return lines;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
