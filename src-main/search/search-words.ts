import type BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startModuleWorker } from '../core/module-worker.js';
import { nativeBindingOf } from '../db/driver.js';

/** The table of a words file: each order's words and the column values they were made from. */
export const SEARCH_WORDS_TABLE = 'search_words';

/** The columns an order's words are made from, as one text (NULL when any is NULL). */
const WORD_INPUTS = [
  ...['buyer_name', 'buyer_kana', 'ship_name'],
  ...['ship_prefecture', 'ship_address1', 'ship_address2'],
  ...['buyer_email', 'buyer_phone', 'ship_phone'],
];
const inputsOf = (o: string) => WORD_INPUTS.map((column) => `${o}.${column}`).join(' || char(1) || ');

/** name, addr and contact of an order's F5 search row, by the search triggers' SQL functions. */
export const searchWordsOf = (o: string) => [
  `chumon_name_tokens(${o}.buyer_name, ${o}.buyer_kana, ${o}.ship_name)`,
  `chumon_address_tokens(${o}.ship_prefecture, ${o}.ship_address1, ${o}.ship_address2)`,
  `chumon_contact_tokens(${o}.buyer_email, ${o}.buyer_phone, ${o}.ship_phone)`,
];

/** The words file's columns for an order row: its inputs, then its words. */
export const wordsOf = (o: string) => [inputsOf(o), ...searchWordsOf(o)].join(', ');

/**
 * SELECT of the search rows of the orders above `?`: their words taken from the attached words
 * file `words` where they were made from the row as it is now, else made here, so a row
 * changed after the worker read it is never indexed with its old words (coalesce evaluates
 * its second argument only when the first is NULL).
 */
export function searchRowsWithWords(words: string): string {
  const [name, addr, contact] = searchWordsOf('o');
  return `SELECT o.id, coalesce(w.name, ${name}), coalesce(w.addr, ${addr}), coalesce(w.contact, ${contact})
    FROM orders o LEFT JOIN ${words}.${SEARCH_WORDS_TABLE} w ON w.id = o.id AND w.inputs = ${inputsOf('o')}
    WHERE o.id > ?`;
}

/** What startSearchWords gives its worker (search-words-worker.ts). */
export interface SearchWordsJob {
  /** The store database, read through the worker's own connection. */
  store: string;
  /** The scratch file the words go to. */
  scratch: string;
  /** Orders above this id. */
  above: number;
  nativeBinding?: string;
}

/** Fewer orders than this are worded on the spot: a thread is not worth its start. */
const WORTH_A_THREAD = 20_000;

/** A words file being made on a worker thread; `ready` answers its path, or null if it failed. */
export interface SearchWords {
  ready: Promise<string | null>;
  discard(): void;
}

/**
 * Starts making the F5 search words of the orders above `above` on a worker thread, from the
 * committed rows (its own connection), so that this thread can do other work meanwhile
 * (build the indexes). None for an in-memory database or a small number of orders.
 */
export function startSearchWords(sqlite: BetterSqlite3.Database, above: number): SearchWords | null {
  if (sqlite.memory || sqlite.inTransaction) return null;
  const pending = sqlite.prepare('SELECT count(*) FROM orders WHERE id > ?').pluck().get(above) as number;
  if (pending < WORTH_A_THREAD) return null;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'chumon-search-words-'));
  const job: SearchWordsJob = {
    store: sqlite.name,
    scratch: path.join(folder, 'words.sqlite'),
    above,
    nativeBinding: nativeBindingOf(sqlite),
  };
  const worker = startModuleWorker(import.meta.url, 'search-words-worker', job);
  const ready = new Promise<string | null>((resolve) => {
    worker.once('message', () => resolve(job.scratch));
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  return { ready, discard: () => rmSync(folder, { recursive: true, force: true }) };
}
