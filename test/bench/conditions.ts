import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';
import { kernelReclaim } from './kernel-reclaim.js';
import { memoryCheck } from './memory-check.js';
import { sqliteCheck } from './sqlite-check.js';

export { memoryCheck, sqliteCheck };

/** What a bench run ran on, so that two runs can be compared (printed first, kept in bench.json). */
export interface Conditions {
  cpu: string;
  cores: number;
  memoryGb: { total: number; available: number };
  node: string;
  sqlite: string;
  fileSystem: string;
  /** The kernel paging out memory left unused (kernel-reclaim.ts), or 'none'. */
  memoryReclaim: string;
  database: { orders: number; mb: number };
  /** 1-minute load average when the run started. */
  loadAtStart: number;
  /** speedCheck() when the run started. */
  speedCheckMs: number;
  /** memoryCheck() when the run started. */
  memoryCheckNs: number;
  /** sqliteCheck() when the run started. */
  sqliteCheckMs: number;
}

/**
 * Milliseconds a fixed piece of CPU work takes (an integer loop and SHA-256 of 64 MiB; median
 * of five, after two to warm up). On the same idle machine a task three times this one has
 * taken 180 ms at one moment and 330 ms a few seconds later, and the first sync's CPU time for
 * the same work 13.1 s in one run and 17.6 s in the next: a figure is compared with another
 * run's only together with this check.
 */
/** Where the work's results go, so that none of it is optimised away. */
let speedSink = 0;
export function speedCheck(): number {
  const block = Buffer.alloc(1 << 20, 7);
  const runs: number[] = [];
  // Two unmeasured runs first: the loop's first runs are before V8 has compiled it.
  for (let run = -2; run < 5; run++) {
    const start = performance.now();
    let x = 0;
    for (let i = 0; i < 10_000_000; i++) x = (x * 31 + i) | 0;
    const hash = createHash('sha256');
    for (let i = 0; i < 64; i++) hash.update(block);
    speedSink ^= x ^ hash.digest()[0]!;
    if (run >= 0) runs.push(performance.now() - start);
  }
  return runs.sort((a, b) => a - b)[2]! + (speedSink & 0);
}

function memAvailable(): number {
  try {
    const found = /MemAvailable:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'));
    if (found) return Number(found[1]) * 1024;
  } catch {
    // not Linux: free memory is the closest figure
  }
  return os.freemem();
}

function fileSystemOf(folder: string): string {
  try {
    return execFileSync('stat', ['-f', '-c', '%T', folder], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return 'unknown';
  }
}

const gb = (bytes: number) => Math.round((bytes / 2 ** 30) * 10) / 10;

export function readConditions(databaseFile: string, orders: number): Conditions {
  const memory = new Database(':memory:');
  const sqlite = memory.prepare('SELECT sqlite_version()').pluck().get() as string;
  memory.close();
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: { total: gb(os.totalmem()), available: gb(memAvailable()) },
    node: process.version,
    sqlite,
    fileSystem: fileSystemOf(databaseFile),
    memoryReclaim: kernelReclaim(),
    database: { orders, mb: Math.round(statSync(databaseFile).size / 1e6) },
    loadAtStart: os.loadavg()[0]!,
    speedCheckMs: speedCheck(),
    memoryCheckNs: memoryCheck(),
    sqliteCheckMs: sqliteCheck(),
  };
}

/** Busy share of all cores between two samples of /proc/stat (this bench's own work included). */
export class CpuBusy {
  private readonly start = CpuBusy.sample();

  private static sample(): { busy: number; total: number } | null {
    try {
      const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
      const total = fields.reduce((a, b) => a + b, 0);
      const idle = fields[3]! + (fields[4] ?? 0);
      return { busy: total - idle, total };
    } catch {
      return null;
    }
  }

  /** Percent of the machine's CPU time that was busy since this object was made. */
  share(): number | null {
    const end = CpuBusy.sample();
    if (!this.start || !end || end.total === this.start.total) return null;
    return Math.round(((end.busy - this.start.busy) / (end.total - this.start.total)) * 100);
  }
}

/** CPU seconds of a process (user + system) from /proc, null where there is no /proc. */
function processCpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * Where a two-process figure's time went: CPU seconds of this process (the store PC, its
 * worker threads included) and of the server process, so that a wall time that moves between
 * runs shows whether either side worked more or both waited.
 */
export class CpuSplit {
  /** The machine's speed just before (speedCheck, memoryCheck). */
  private readonly speed = speedCheck();
  private readonly memory = memoryCheck();
  private readonly sqlite = sqliteCheck();
  private readonly pc = process.cpuUsage();
  private readonly server: number | null;

  constructor(private readonly serverPid: number | undefined) {
    this.server = serverPid === undefined ? null : processCpuSeconds(serverPid);
  }

  describe(): string {
    const pc = process.cpuUsage(this.pc);
    const now = this.serverPid === undefined ? null : processCpuSeconds(this.serverPid);
    const server = now !== null && this.server !== null ? `, server ${(now - this.server).toFixed(1)} s` : '';
    return `CPU: PC ${((pc.user + pc.system) / 1e6).toFixed(1)} s${server}; speed check before ${this.speed.toFixed(0)} ms, memory check ${this.memory.toFixed(0)} ns, SQLite check ${this.sqlite.toFixed(0)} ms`;
  }
}

export function describeConditions(c: Conditions): string[] {
  return [
    `machine: ${c.cpu}, ${c.cores} cores, ${c.memoryGb.total} GB memory (${c.memoryGb.available} GB available), ${c.fileSystem} file system`,
    `software: Node ${c.node}, SQLite ${c.sqlite}; the kernel's own paging out of unused memory: ${c.memoryReclaim}`,
    `database: ${c.database.orders.toLocaleString()} orders, ${c.database.mb.toLocaleString()} MB; load average at start ${c.loadAtStart.toFixed(2)}`,
    `CPU speed check at start: ${c.speedCheckMs.toFixed(0)} ms (a fixed task; lower is faster, see speedCheck()); memory check ${c.memoryCheckNs.toFixed(0)} ns per read (see memoryCheck()); SQLite check ${c.sqliteCheckMs.toFixed(0)} ms (see sqliteCheck())`,
    'write figures: each side on its own fresh copy, cold (file on disk, none of it in the page cache) and warm (whole file in the page cache); reads on a warm copy',
  ];
}
