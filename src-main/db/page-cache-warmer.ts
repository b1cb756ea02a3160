import { open, stat } from 'node:fs/promises';
import os from 'node:os';

export interface WarmResult {
  /** Bytes read, or 0 when skipped. */
  bytes: number;
  ms: number;
  /** Why nothing (or not everything) was read. */
  skipped?: 'too_large' | 'stopped' | 'missing' | 'failed';
}

export interface WarmOptions {
  /** Wait this long first, so start-up's own work goes first (default 500 ms; 0: read at once). */
  delayMs?: number;
  /** Bytes per read (default 4 MiB). */
  chunkBytes?: number;
  /** Memory free now (default os.freemem()); the read is skipped above half of it. */
  freeMemory?: () => number;
}

export interface Warming {
  done: Promise<WarmResult>;
  stop(): void;
}

const CHUNK_BYTES = 4 << 20;

async function fileSize(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch {
    return null;
  }
}

/** Opens a file to read, or null when it is not there (a database without a WAL yet). */
async function openIfThere(file: string) {
  try {
    return await open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Reads `files` (the database and its WAL) through, in order; `stopped()` ends it between chunks. */
async function readThrough(files: string[], chunkBytes: number, stopped: () => boolean): Promise<WarmResult> {
  const start = performance.now();
  const buffer = Buffer.allocUnsafe(chunkBytes);
  let bytes = 0;
  for (const file of files) {
    const handle = await openIfThere(file);
    if (!handle) continue;
    try {
      for (;;) {
        if (stopped()) return { bytes, ms: performance.now() - start, skipped: 'stopped' };
        const { bytesRead } = await handle.read(buffer, 0, chunkBytes, null);
        if (bytesRead === 0) break;
        bytes += bytesRead;
      }
    } finally {
      await handle.close();
    }
  }
  return { bytes, ms: performance.now() - start };
}

/**
 * Reads the store database through once after start-up, front to back, so that the operating
 * system keeps its pages in memory before the clerk's first changes of the day need them.
 *
 * Why: a PC just switched on has none of its database in the page cache, and a bulk change
 * reads the rows it touches where they lie, scattered over the file: on a disk that answers a
 * few thousand random reads a second, 10,000 scattered orders cost 1.5 s of reads alone. The
 * same disk reads the whole file in order many times faster (a 1.5 GB database in 1–3 s where
 * random reads run at 6,000 a second), and after that read every change is a warm one. The
 * read runs on libuv's thread pool, one chunk at a time, never on the thread that answers the
 * clerk, and takes no SQLite lock (the file is only read).
 *
 * It is skipped when the file would take more than half of the memory free at start-up: on a
 * PC short of memory it would only push out what the clerk's other programs hold.
 */
export function warmDatabaseFile(file: string, options: WarmOptions = {}): Warming {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake = () => {};
  const delay = new Promise<void>((resolve) => {
    wake = resolve;
    const delayMs = options.delayMs ?? 500;
    if (delayMs <= 0) return resolve();
    // The wait keeps no process alive (one ending anyway needs no read); the read, once
    // started, does, so an awaited read with no wait is never cut off by the process ending.
    timer = setTimeout(resolve, delayMs);
    timer.unref();
  });
  const done = delay
    .then(async (): Promise<WarmResult> => {
      if (stopped) return { bytes: 0, ms: 0, skipped: 'stopped' };
      const size = await fileSize(file);
      if (size === null) return { bytes: 0, ms: 0, skipped: 'missing' };
      if (size > (options.freeMemory ?? os.freemem)() / 2) return { bytes: 0, ms: 0, skipped: 'too_large' };
      return readThrough([file, `${file}-wal`], options.chunkBytes ?? CHUNK_BYTES, () => stopped);
    })
    // Only a read-ahead: nothing depends on it, so a failed read is no error.
    .catch((): WarmResult => ({ bytes: 0, ms: 0, skipped: 'failed' }));
  return {
    done,
    stop() {
      stopped = true;
      clearTimeout(timer);
      wake();
    },
  };
}
