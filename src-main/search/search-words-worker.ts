import { workerData, type MessagePort } from 'node:worker_threads';
import { wordsOfPacked, type WordsAnswer, type WordsJob, type WordsWorkerData } from './search-words-lane.js';

/**
 * Worker thread of search-words-lane.ts: the F5 search words of the orders a bulk writer is
 * inserting, made while it writes them. Each job's answer goes on the lane's port (which the
 * writer reads without returning to its event loop), then the job's number into the shared
 * signal, which wakes a writer waiting for it.
 */
const { port, signal } = workerData as WordsWorkerData;
const done = new Int32Array(signal);

(port as MessagePort).on('message', (job: WordsJob) => {
  let answer: WordsAnswer;
  try {
    answer = { id: job.id, rows: wordsOfPacked(job.fields) };
  } catch (err) {
    answer = { id: job.id, failure: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(answer);
  Atomics.store(done, 0, job.id);
  Atomics.notify(done, 0);
});
