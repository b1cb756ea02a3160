import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { registerSearchFunctions } from './sql-functions.js';
import { SEARCH_WORDS_TABLE, wordsOf, type SearchWordsJob } from './search-words.js';

/**
 * Worker thread of a first sync's end: the F5 search words of the orders it brought, made
 * with the same SQL functions as the search triggers, into a scratch database file, while
 * the thread that started it builds the secondary indexes. Answers the number of orders.
 */
if (parentPort) {
  const port = parentPort;
  const job = workerData as SearchWordsJob;
  const scratch = new Database(job.scratch, job.nativeBinding ? { nativeBinding: job.nativeBinding } : {});
  let made: number;
  try {
    scratch.pragma('journal_mode = OFF');
    scratch.pragma('synchronous = OFF');
    registerSearchFunctions(scratch);
    scratch.prepare('ATTACH ? AS store').run(job.store);
    scratch.exec(
      `CREATE TABLE ${SEARCH_WORDS_TABLE} (id INTEGER PRIMARY KEY, inputs TEXT, name TEXT, addr TEXT, contact TEXT)`,
    );
    made = scratch
      .prepare(
        `INSERT INTO ${SEARCH_WORDS_TABLE} (id, inputs, name, addr, contact)
         SELECT o.id, ${wordsOf('o')} FROM store.orders o WHERE o.id > ?`,
      )
      .run(job.above).changes;
  } finally {
    scratch.close();
  }
  // Closed first: the starter deletes the file once it has read it.
  port.postMessage(made);
}
