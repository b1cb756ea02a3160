import type BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../core/module-worker.js';
import { nativeBindingOf, openSibling } from '../db/driver.js';
import type { AppLogger } from '../logs/logger.js';
import { deferredSearchFrom, type MadeSearchIndex } from './index-batch.js';
import { catalogInsert, SEARCHED_ORDER_COLUMNS, SEARCH_TABLES, searchRowInserts } from './search-rows.js';
import { registerSearchFunctions } from './sql-functions.js';

/** What the worker (search-index-worker.ts) is given. */
export interface SearchIndexJob {
  /** The store database, read through the worker's own connection. */
  store: string;
  /** The scratch file the index is made in. */
  scratch: string;
  /** Orders above this id. */
  above: number;
  /** The search tables as the store has them: their CREATE statements and settings (FTS5's hashsize…). */
  tables: SearchTableDefinition[];
  nativeBinding?: string;
}

export interface SearchTableDefinition {
  name: string;
  create: string;
  settings: [key: string, value: unknown][];
}

export type SearchIndexMessage = { upTo: number } | { finish: true };

/** The worker's answer to `finish`: the last order id it indexed, or why it gave none. */
type WorkerAnswer = { upTo: number } | { failure: string };

/** Fewer orders than this are indexed at the load's end on this thread: a thread is not worth its start. */
const WORTH_A_THREAD = 20_000;

/** The temporary table of orders whose search rows changed after the worker was told to index them. */
const REDO = 'chumon_search_redo';

/** This connection's triggers noting those orders: changed, deleted, or their items changed. */
function redoTriggers(from: number, posted: number): string[] {
  const watched = (id: string) => `WHEN ${id} > ${from} AND ${id} <= ${posted}`;
  const note = (id: string) => `BEGIN INSERT OR IGNORE INTO temp.${REDO} (id) VALUES (${id}); END`;
  return [
    `AFTER UPDATE OF ${SEARCHED_ORDER_COLUMNS.join(', ')} ON main.orders ${watched('OLD.id')} ${note('OLD.id')}`,
    `AFTER DELETE ON main.orders ${watched('OLD.id')} ${note('OLD.id')}`,
    `AFTER INSERT ON main.order_items ${watched('NEW.order_id')} ${note('NEW.order_id')}`,
    `AFTER DELETE ON main.order_items ${watched('OLD.order_id')} ${note('OLD.order_id')}`,
    `AFTER UPDATE OF sku, order_id ON main.order_items ${watched('OLD.order_id')} ${note('OLD.order_id')}`,
  ];
}

/**
 * The F5 search index of a first sync, made on the second core while the pages are still
 * arriving (the thread that started it writes them, then builds the secondary indexes), then
 * taken as it is: the full-text tables' storage is copied into the store's still empty ones.
 * An order whose searched values change after the worker was told to index it is noted (by
 * temporary triggers on this connection, the only one that writes orders) and indexed again
 * at the end, as is every order above the last one the worker indexed. A worker that fails
 * leaves a warning in the log, and the load's end fills the index on its own thread.
 */
export class BackgroundSearchIndex implements MadeSearchIndex {
  private from: number | undefined;
  private worker: Worker | null = null;
  private folder = '';
  private posted = 0;
  private indexedUpTo: number | null = null;
  private answer: Promise<WorkerAnswer> | null = null;
  /** Closed by its owner: a worker stopped now has not failed (a load that failed at its end says why itself). */
  private closed = false;

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly log: Pick<AppLogger, 'warn'>,
  ) {}

  /** A page of the load committed: the orders up to the newest can be indexed. */
  ordersCommitted(): void {
    if (this.sqlite.memory || this.sqlite.inTransaction) return;
    this.from ??= deferredSearchFrom(this.sqlite) ?? -1;
    if (this.from < 0) return;
    const upTo = this.sqlite.prepare('SELECT coalesce(max(id), 0) FROM orders').pluck().get() as number;
    if (upTo <= this.posted) return;
    if (!this.worker) {
      if (upTo - this.from < WORTH_A_THREAD) return;
      this.start(this.from);
    }
    this.watch(this.from, upTo);
    this.worker!.postMessage({ upTo } satisfies SearchIndexMessage);
    this.posted = upTo;
  }

  private start(from: number): void {
    this.folder = mkdtempSync(path.join(os.tmpdir(), 'chumon-search-index-'));
    const create = this.sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck();
    const tables = SEARCH_TABLES.map((name) => ({
      name,
      create: create.get(name) as string,
      settings: this.sqlite.prepare(`SELECT k, v FROM ${name}_config WHERE k <> 'version'`).raw().all() as [
        string,
        unknown,
      ][],
    }));
    const job: SearchIndexJob = {
      store: this.sqlite.name,
      scratch: path.join(this.folder, 'search.sqlite'),
      above: from,
      tables,
      nativeBinding: nativeBindingOf(this.sqlite),
    };
    this.sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS ${REDO} (id INTEGER PRIMARY KEY); DELETE FROM temp.${REDO}`);
    const worker = (this.worker = startModuleWorker(import.meta.url, 'search-index-worker', job));
    this.answer = new Promise((resolve) => {
      worker.once('message', (upTo: number) => resolve({ upTo }));
      worker.once('error', (err: unknown) => resolve({ failure: err instanceof Error ? err.message : String(err) }));
      worker.once('exit', (code: number) => resolve({ failure: `exited with code ${code} before answering` }));
    });
  }

  /** The triggers noting changes to the orders told to the worker so far, now up to `posted`. */
  private watch(from: number, posted: number): void {
    this.dropTriggers();
    redoTriggers(from, posted).forEach((body, i) => this.sqlite.exec(`CREATE TEMP TRIGGER ${REDO}_${i} ${body}`));
  }

  private dropTriggers(): void {
    redoTriggers(0, 0).forEach((_, i) => this.sqlite.exec(`DROP TRIGGER IF EXISTS temp.${REDO}_${i}`));
  }

  /** Tells the worker to finish; this, to take at the load's end, or null when there is nothing (or it failed). */
  async finished(): Promise<MadeSearchIndex | null> {
    if (!this.worker || !this.answer) return null;
    this.worker.postMessage({ finish: true } satisfies SearchIndexMessage);
    const answer = await this.answer;
    if ('failure' in answer) {
      if (this.closed) return null;
      this.log.warn(
        `F5 search index worker failed (${answer.failure}); the load fills the search index on its own thread instead`,
      );
      return null;
    }
    this.indexedUpTo = answer.upTo;
    return this;
  }

  adopt(from: number, also: (db: BetterSqlite3.Database) => void): boolean {
    const upTo = this.indexedUpTo;
    if (upTo === null || from !== this.from) return false;
    const redo = JSON.stringify(
      this.sqlite.prepare(`SELECT id FROM temp.${REDO} WHERE id <= ?`).pluck().all(upTo) as number[],
    );
    const db = openSibling(this.sqlite);
    try {
      // The full-text tables' own storage is written directly: SQLite's defensive mode forbids it.
      db.unsafeMode(true);
      registerSearchFunctions(db);
      db.prepare('ATTACH ? AS made').run(path.join(this.folder, 'search.sqlite'));
      return db
        .transaction(() => {
          if (SEARCH_TABLES.some((table) => db.prepare(`SELECT 1 FROM main.${table}_docsize LIMIT 1`).get()))
            return false;
          for (const table of SEARCH_TABLES) {
            for (const part of ['data', 'idx', 'docsize']) {
              db.exec(`DELETE FROM main.${table}_${part}`);
              db.exec(`INSERT INTO main.${table}_${part} SELECT * FROM made.${table}_${part}`);
            }
            db.prepare(`DELETE FROM main.${table} WHERE rowid IN (SELECT value FROM json_each(?))`).run(redo);
          }
          const again = (id: string) => `(${id} > @upTo OR ${id} IN (SELECT value FROM json_each(@redo)))`;
          for (const sql of searchRowInserts(again)) db.prepare(sql).run({ upTo, redo });
          db.prepare(catalogInsert((id) => `${id} > @from`)).run({ from });
          also(db);
          return true;
        })
        .immediate();
    } finally {
      db.close();
    }
  }

  /** Stops the worker, drops this connection's triggers and the scratch file. */
  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.terminate();
    this.worker = null;
    if (this.sqlite.open) {
      this.dropTriggers();
      this.sqlite.exec(`DROP TABLE IF EXISTS temp.${REDO}`);
    }
    if (this.folder) rmSync(this.folder, { recursive: true, force: true });
  }
}
