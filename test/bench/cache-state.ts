import { execFileSync } from 'node:child_process';
import { closeSync, copyFileSync, openSync, readFileSync, readSync, statSync } from 'node:fs';

/**
 * The operating system's page cache over a database copy when a figure starts:
 * - cold: the copy is on disk and none of it is in memory (a PC's first change of the day
 *   after a restart, or a copy the file system made without reading it);
 * - warm: the whole file is in memory (a PC that has been working with its database).
 * A copy is written to disk (fdatasync) before either, so no write-back of the copy runs
 * under the figure. Which one a freshly copied file is depends on the machine (file system,
 * free memory), which is why each write figure is measured in both.
 */
export type CacheState = 'cold' | 'warm';
export const CACHE_STATES: readonly CacheState[] = ['cold', 'warm'];

function run(command: string, args: string[]): string | null {
  try {
    return execFileSync(command, args, { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  } catch {
    return null;
  }
}

/**
 * Writes the file to disk and asks the kernel to drop its cached pages (GNU dd's `nocache`
 * with count=0 is posix_fadvise(DONTNEED) over the whole file). False where that is not
 * available: the state is then whatever the copy left.
 */
function dropFromCache(file: string): boolean {
  return run('dd', [`of=${file}`, 'oflag=nocache', 'conv=notrunc,fdatasync', 'count=0']) !== null;
}

function readThrough(file: string): void {
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 20);
  try {
    while (readSync(fd, buffer) > 0);
  } finally {
    closeSync(fd);
  }
}

/** Bytes of the file in the page cache (util-linux fincore), or null where it cannot be told. */
export function residentBytes(file: string): number | null {
  const out = run('fincore', ['--bytes', '--noheadings', '--output', 'RES', file]);
  return out === null ? null : Number(out.trim());
}

/** Copies `from` to `to` and leaves the copy in the given cache state; says what it got. */
export function copyInState(from: string, to: string, state: CacheState): string {
  copyFileSync(from, to);
  const dropped = dropFromCache(to);
  if (state === 'warm') readThrough(to);
  const resident = residentBytes(to);
  const size = statSync(to).size || 1;
  const share = resident === null ? 'resident share unknown' : `${Math.round((resident / size) * 100)}% in page cache`;
  return dropped ? share : `page cache not controlled here, ${share}`;
}

/** Bytes this process has read from disk so far (Linux), or null. */
export function diskReadBytes(): number | null {
  try {
    const found = /read_bytes: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'));
    return found ? Number(found[1]) : null;
  } catch {
    return null;
  }
}
