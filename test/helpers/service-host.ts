import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SOURCE_ROOT } from '../../src-main/app/paths.js';
import { createHostClient, type HostClient, type HostProcess } from '../../src-main/host/host-client.js';
import { forkNodeHost } from '../../src-main/host/node-host.js';
import { createConfSettings } from '../../src-main/settings/conf-settings.js';
import type { AppEvent } from '../../src-shared/api/events.js';
import { largeImportFile } from './large-import-file.js';

export interface RunningHost {
  client: HostClient;
  dir: string;
  events: AppEvent[];
  /** Kills the running host process outright (a crash). */
  crash(): void;
  /** Calls a method through the host; rejects with the Japanese message of a failure. */
  call<T>(method: string, input: unknown): Promise<T>;
}

/** A service host as a real child process (plain Node) on a fresh data folder. */
export async function startNodeHost(dir = mkdtempSync(path.join(os.tmpdir(), 'chumon-host-'))): Promise<RunningHost> {
  const settings = createConfSettings(dir);
  settings.set('operator', 'テスト担当');
  settings.set('pcId', 'HOST-PC');
  const events: AppEvent[] = [];
  let current: HostProcess | null = null;
  const client = createHostClient({
    start: () => (current = forkNodeHost()),
    boot: {
      dataDir: dir,
      migrationsFolder: path.join(SOURCE_ROOT, 'drizzle'),
      version: 'test',
      mode: 'electron',
      backgroundTimers: false,
      secrets: 'key-file',
    },
  });
  client.subscribe((event) => events.push(event));
  await client.ready;
  return {
    client,
    dir,
    events,
    crash: () => current?.kill(),
    async call<T>(method: string, input: unknown) {
      const result = await client.invoke(method, input);
      if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
      return result.value as T;
    },
  };
}

export interface GridLatency {
  imported: number;
  importMs: number;
  blocks: number;
  p50: number;
  p99: number;
  max: number;
  /** The same blocks with nothing else running, measured first: the floor. */
  idleP50: number;
  idleMax: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/**
 * Imports `count` orders through the host (preview + commit, as F1 calls them) while grid
 * blocks of 100 rows are asked for on the same link, one after another as a scrolling grid
 * does; returns how long each block took to answer.
 */
export async function gridLatencyDuringImport(host: RunningHost, count: number): Promise<GridLatency> {
  // The desktop app sends the chosen file's path, as the window's preload gives it.
  const file = path.join(host.dir, 'orders.csv');
  writeFileSync(file, largeImportFile(count, `host-${Date.now()}`));
  const block = async (offset: number) => {
    const start = performance.now();
    await host.call('orders:list', { tab: 'new', offset, limit: 100 });
    return performance.now() - start;
  };
  // The window shows the list before the clerk imports: the same blocks, idle, are the floor.
  const idle: number[] = [];
  for (let i = 0; i < 50; i++) idle.push(await block((i * 100) % 2000));
  idle.sort((a, b) => a - b);
  const latencies: number[] = [];
  let importing = true;
  const started = performance.now();
  const importRun = (async () => {
    try {
      const preview = await host.call<{ previewId: string }>('imports:preview', {
        files: [{ name: 'orders.csv', path: file }],
        channel: 'yahoo_shopping',
      });
      return await host.call<{ inserted: number }>('imports:commit', { previewId: preview.previewId });
    } finally {
      importing = false;
    }
  })();
  let offset = 0;
  while (importing) {
    latencies.push(await block(offset));
    offset = (offset + 100) % 2000;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const { inserted } = await importRun;
  const importMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    imported: inserted,
    importMs,
    blocks: latencies.length,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    max: latencies.at(-1) ?? 0,
    idleP50: percentile(idle, 0.5),
    idleMax: idle.at(-1) ?? 0,
  };
}
