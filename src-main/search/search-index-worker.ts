import Database from 'better-sqlite3';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { SearchIndexJob, SearchIndexMessage } from './background-index.js';
import { mergeSearchSegments } from './index-batch.js';
import { searchRowInserts } from './search-rows.js';
import { registerSearchFunctions } from './sql-functions.js';

/**
 * Worker thread of a first sync: the F5 search index of the orders it brings, made as their
 * pages commit, in a scratch database with the same full-text tables, read through its own
 * connection to the store. Told `{ upTo }`, it indexes the orders up to that id; told
 * `{ finish }`, it merges the index's segments, closes the scratch file and answers the last
 * id it indexed.
 */
/** A setting's key or value as SQL text: a number as it is, anything else as a quoted string. */
const literal = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : `'${String(value).replace(/'/g, "''")}'`;

/**
 * `run`, whose errors leave this thread as plain Errors: better-sqlite3's SqliteError is not
 * made by Error itself, and would reach the starting thread as a bare `{ code }`, without the
 * message its log line gives.
 */
function withReadableErrors<A extends unknown[], R>(run: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    try {
      return run(...args);
    } catch (err) {
      if (!(err instanceof Error)) throw err;
      throw Object.assign(new Error(err.message), { stack: err.stack });
    }
  };
}

/** Opens the scratch database with the store's search tables; returns what answers the starter's messages. */
function startIndexing(port: MessagePort, job: SearchIndexJob): (message: SearchIndexMessage) => void {
  const scratch = new Database(job.scratch, job.nativeBinding ? { nativeBinding: job.nativeBinding } : {});
  scratch.pragma('journal_mode = OFF');
  scratch.pragma('synchronous = OFF');
  registerSearchFunctions(scratch);
  scratch.prepare('ATTACH ? AS store').run(job.store);
  for (const table of job.tables) {
    scratch.exec(table.create);
    // FTS5 takes a setting's value only as a literal, not as a bound parameter.
    for (const [key, value] of table.settings)
      scratch.exec(`INSERT INTO ${table.name} (${table.name}, rank) VALUES (${literal(key)}, ${literal(value)})`);
  }
  const inserts = searchRowInserts((id) => `${id} > @above AND ${id} <= @upTo`, 'store').map((sql) =>
    scratch.prepare(sql),
  );
  let done = job.above;
  // One read of the store for the three tables: they index the same committed orders.
  const indexUpTo = scratch.transaction((upTo: number) => {
    for (const insert of inserts) insert.run({ above: done, upTo });
  });
  return (message) => {
    if ('upTo' in message) {
      if (message.upTo > done) {
        indexUpTo(message.upTo);
        done = message.upTo;
      }
      return;
    }
    // Its segments merged here, on this thread, rather than by the store after the copy.
    mergeSearchSegments(scratch);
    // Closed first: the starter copies from the file once it has the answer.
    scratch.close();
    port.postMessage(done);
  };
}

if (parentPort) {
  const port = parentPort;
  const answer = withReadableErrors(startIndexing)(port, workerData as SearchIndexJob);
  port.on('message', withReadableErrors(answer));
}
