import { randomBytes } from 'node:crypto';

let lastMs = 0;
let counter = 0;

/**
 * The rising part of a sync operation id: milliseconds, then a counter within the
 * millisecond (never going back, even when the clock does). Ids that rise make the
 * outbox's unique index (and the server's) grow at its end: a bulk change of 100,000
 * orders dirties a few hundred index pages instead of one random page per operation.
 */
export function opIdStem(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else {
    counter += 1;
  }
  return lastMs.toString(16).padStart(12, '0') + counter.toString(16).padStart(6, '0');
}

/** Random bytes fetched 7 KB at a time: one call per id costs more than the id's insert. */
const POOL_SIZE = 7 * 1024;
let pool = Buffer.alloc(0);
let offset = POOL_SIZE;

function randomTail(): string {
  if (offset + 7 > pool.length) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  offset += 7;
  return pool.toString('hex', offset - 7, offset);
}

/** A sync operation id: rising (opIdStem) and unique across PCs (random tail), 32 hex digits. */
export function newOpId(): string {
  return opIdStem() + randomTail();
}

/**
 * The same for many operations written by one INSERT … SELECT: the stem, then the row's
 * order id, then a random tail. `orderIdSql` must be the SQL of an integer column.
 */
export function opIdSql(stemParam: string, orderIdSql: string): string {
  return `${stemParam} || printf('%010x', ${orderIdSql}) || lower(hex(randomblob(4)))`;
}
