import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootApp, DB_FILE_NAME, type App } from '../../src-main/app/bootstrap.js';
import { SOURCE_ROOT } from '../../src-main/app/paths.js';
import { createConfSettings } from '../../src-main/settings/conf-settings.js';
import { copyInState, type CacheState } from './cache-state.js';

/** One measured figure, with its target where the issue names one. */
export interface Measurement {
  name: string;
  value: number;
  unit: 'ms' | 's' | 'MB' | 'x' | '/s' | 'count';
  /** The target the value must stay under (or over, for rates). */
  target?: { op: '<' | '<=' | '>'; value: number };
  note?: string;
}

export interface BenchEnv {
  /** Size of the shared large database (1,000,000 orders unless --orders says otherwise). */
  orders: number;
  /** A scratch folder for this section. */
  scratch: string;
  /** A copy of the shared large seeded database, opened as the app opens it, its file in the page cache. */
  openLargeCopy(): App;
  /** The same in the given page-cache state; `cache` says what the copy got, `dispose` closes and deletes it. */
  openCopy(state: CacheState): { app: App; cache: string; dispose(): void };
  /** Times fn once (after `warmup` untimed runs), in milliseconds. */
  time(fn: () => unknown, warmup?: number): number;
  /** Median of `runs` timings, in milliseconds. */
  median(fn: () => unknown, runs?: number): number;
}

export interface BenchSection {
  name: string;
  run(env: BenchEnv): Promise<Measurement[]> | Measurement[];
}

export const BENCH_ROOT = path.join(os.tmpdir(), 'chumon-bench');
export const MIGRATIONS = path.join(SOURCE_ROOT, 'drizzle');

export function openApp(dataDir: string): App {
  return bootApp({
    dataDir,
    migrationsFolder: MIGRATIONS,
    settings: createConfSettings(dataDir),
    mode: 'browser',
    version: 'bench',
    // A purge or backup must not run in the middle of a measurement.
    backgroundTimers: false,
  });
}

export function time(fn: () => unknown, warmup = 0): number {
  for (let i = 0; i < warmup; i++) fn();
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export function median(fn: () => unknown, runs = 7): number {
  const times = Array.from({ length: runs }, () => time(fn));
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

export function makeEnv(orders: number, largeDir: string, section: string): BenchEnv {
  const scratch = path.join(BENCH_ROOT, 'scratch', section);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  let copies = 0;
  const openCopy = (state: CacheState) => {
    const dir = path.join(scratch, `large-${++copies}`);
    mkdirSync(dir, { recursive: true });
    if (existsSync(path.join(largeDir, 'settings.json')))
      copyFileSync(path.join(largeDir, 'settings.json'), path.join(dir, 'settings.json'));
    const cache = copyInState(path.join(largeDir, DB_FILE_NAME), path.join(dir, DB_FILE_NAME), state);
    const app = openApp(dir);
    return {
      app,
      cache,
      dispose() {
        app.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  };
  return {
    orders,
    scratch,
    openLargeCopy: () => openCopy('warm').app,
    openCopy,
    time,
    median,
  };
}
