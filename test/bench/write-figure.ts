import type { App } from '../../src-main/app/bootstrap.js';
import { CACHE_STATES, diskReadBytes, type CacheState } from './cache-state.js';
import type { BenchEnv, Measurement } from './harness.js';

/**
 * A figure that writes, with its floor: the same rows written by plain prepared statements
 * (what SQLite alone needs). Each side runs on its own fresh copy of the database in each
 * page-cache state, so neither inherits pages the other read, and the ratio compares like
 * with like on any machine.
 */
export interface WriteFigure<P> {
  name: string;
  unit: 's' | 'ms';
  /** The figure must stay under this (in `unit`), in every cache state. */
  target?: number;
  /** The figure may cost at most this many times its floor. */
  ratioTarget?: number;
  /** Untimed, on each copy: what both sides act on (order ids, a file). */
  prepare(app: App): P | Promise<P>;
  /** The app's own path, as a clerk triggers it; may return a note (counts). */
  run(app: App, prepared: P): unknown;
  floor(app: App, prepared: P): unknown;
}

interface Timed {
  ms: number;
  note: string;
}

async function timeOnCopy<P>(
  env: BenchEnv,
  state: CacheState,
  figure: WriteFigure<P>,
  side: (app: App, prepared: P) => unknown,
): Promise<Timed> {
  const copy = env.openCopy(state);
  try {
    const prepared = await figure.prepare(copy.app);
    const read = diskReadBytes();
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = await side(copy.app, prepared);
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const readNow = diskReadBytes();
    const parts = [
      ...(typeof result === 'string' ? [result] : []),
      `CPU ${((used.user + used.system) / 1e6).toFixed(2)} s`,
      ...(read !== null && readNow !== null ? [`${((readNow - read) / 1e6).toFixed(0)} MB read from disk`] : []),
      copy.cache,
    ];
    return { ms, note: parts.join(', ') };
  } finally {
    copy.dispose();
  }
}

export async function measureWriteFigure<P>(
  env: BenchEnv,
  figure: WriteFigure<P>,
  states: readonly CacheState[] = CACHE_STATES,
): Promise<Measurement[]> {
  const out: Measurement[] = [];
  const value = (ms: number) => (figure.unit === 's' ? ms / 1000 : ms);
  for (const state of states) {
    const run = await timeOnCopy(env, state, figure, figure.run);
    const floor = await timeOnCopy(env, state, figure, figure.floor);
    out.push({
      name: `${figure.name} [${state}]`,
      value: value(run.ms),
      unit: figure.unit,
      ...(figure.target !== undefined ? { target: { op: '<', value: figure.target } } : {}),
      note: run.note,
    });
    out.push({ name: `${figure.name}: floor [${state}]`, value: value(floor.ms), unit: figure.unit, note: floor.note });
    out.push({
      name: `${figure.name}: ratio to floor [${state}]`,
      value: run.ms / floor.ms,
      unit: 'x',
      ...(figure.ratioTarget !== undefined ? { target: { op: '<=', value: figure.ratioTarget } } : {}),
    });
  }
  return out;
}
