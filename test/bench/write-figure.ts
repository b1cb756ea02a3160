import type { App } from '../../src-main/app/bootstrap.js';
import { warmDatabaseFile } from '../../src-main/db/page-cache-warmer.js';
import { CACHE_STATES, diskReadBytes, residentBytes, type CacheState } from './cache-state.js';
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
  /**
   * Also measure the app's path on a cold copy once the app's start-up read of the database
   * file (src-main/db/page-cache-warmer.ts) has finished: the first change of the day on a PC
   * that has been on for the few seconds that read takes.
   */
  afterStartupRead?: boolean;
}

interface Timed {
  ms: number;
  note: string;
}

/** CPU seconds and MB read from disk since `from` (a note's parts). */
function costSince(from: { cpu: NodeJS.CpuUsage; read: number | null }): string[] {
  const used = process.cpuUsage(from.cpu);
  const readNow = diskReadBytes();
  return [
    `CPU ${((used.user + used.system) / 1e6).toFixed(2)} s (kernel ${(used.system / 1e6).toFixed(2)} s)`,
    ...(from.read !== null && readNow !== null
      ? [`${((readNow - from.read) / 1e6).toFixed(0)} MB read from disk`]
      : []),
  ];
}

const costFrom = () => ({ cpu: process.cpuUsage(), read: diskReadBytes() });

/** The start-up read of a cold copy, as the real app runs it after opening; then the figure's own path. */
async function timeAfterStartupRead<P>(env: BenchEnv, figure: WriteFigure<P>): Promise<Measurement[]> {
  const copy = env.openCopy('cold');
  try {
    const readCost = costFrom();
    const read = await warmDatabaseFile(copy.app.ctx.database.file, { delayMs: 0 }).done;
    const resident = residentBytes(copy.app.ctx.database.file);
    const readNote = [
      `${(read.bytes / 1e6).toFixed(0)} MB read through`,
      ...costSince(readCost),
      ...(resident === null ? [] : [`${Math.round((resident / Math.max(read.bytes, 1)) * 100)}% in page cache after`]),
      ...(read.skipped ? [`skipped: ${read.skipped}`] : []),
    ];
    const run = await timeSide(copy.app, figure, figure.run);
    return [
      {
        name: `${figure.name}: the app's start-up read of a cold copy`,
        value: read.ms / 1000,
        unit: 's',
        note: readNote.join(', '),
      },
      {
        name: `${figure.name} [cold, after the start-up read]`,
        value: figure.unit === 's' ? run.ms / 1000 : run.ms,
        unit: figure.unit,
        ...(figure.target !== undefined ? { target: { op: '<', value: figure.target } } : {}),
        note: run.parts.join(', '),
      },
    ];
  } finally {
    copy.dispose();
  }
}

/** One side of a figure on an open copy: prepared untimed, then timed with its cost. */
async function timeSide<P>(
  app: App,
  figure: WriteFigure<P>,
  side: (app: App, prepared: P) => unknown,
): Promise<{ ms: number; parts: string[] }> {
  const prepared = await figure.prepare(app);
  const cost = costFrom();
  const start = performance.now();
  const result = await side(app, prepared);
  const ms = performance.now() - start;
  return { ms, parts: [...(typeof result === 'string' ? [result] : []), ...costSince(cost)] };
}

async function timeOnCopy<P>(
  env: BenchEnv,
  state: CacheState,
  figure: WriteFigure<P>,
  side: (app: App, prepared: P) => unknown,
): Promise<Timed> {
  const copy = env.openCopy(state);
  try {
    const { ms, parts } = await timeSide(copy.app, figure, side);
    return { ms, note: [...parts, copy.cache].join(', ') };
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
  if (figure.afterStartupRead) out.push(...(await timeAfterStartupRead(env, figure)));
  return out;
}
