import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const ROWS = 40_000;

/**
 * Milliseconds a fixed SQLite write takes (median of three): 40,000 rows of store-like text
 * with two secondary indexes (one in scattered key order) into a new database file in WAL
 * mode, as the store's own connection is set, committed at once. The store's write figures
 * are this kind of work. On a shared virtual machine it moved from 250 ms to 440 ms and back
 * within a minute, while the CPU-only speedCheck stayed at 55–57 ms; the memory check moved
 * with it only in part (147–207 ns). So a write figure that moves between runs is read
 * beside this check first.
 */
export function sqliteCheck(): number {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'chumon-sqlite-check-'));
  try {
    const runs: number[] = [];
    for (let run = 0; run < 3; run++) runs.push(oneWrite(path.join(folder, `check-${run}.sqlite`)));
    return runs.sort((a, b) => a - b)[1]!;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function oneWrite(file: string): number {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT NOT NULL, address TEXT NOT NULL, n INTEGER NOT NULL);
             CREATE INDEX t_code ON t (code); CREATE INDEX t_n ON t (n, id)`);
    const insert = db.prepare('INSERT INTO t (code, address, n) VALUES (?, ?, ?)');
    const address = '東京都千代田区千代田1-1 '.repeat(4);
    const start = performance.now();
    db.transaction(() => {
      for (let i = 0; i < ROWS; i++) insert.run(`注文-${(i * 7919) % ROWS}`, address, i % 97);
    })();
    return performance.now() - start;
  } finally {
    db.close();
  }
}
