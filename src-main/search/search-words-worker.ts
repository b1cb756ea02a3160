import { workerData, type MessagePort } from 'node:worker_threads';
import { orderSearchWords } from '../../src-shared/text/search-tokens.js';
import type { WordsAnswer, WordsJob, WordsWorkerData } from './search-words-lane.js';
import { SEARCHED_FIELDS } from './search-words-lane.js';

/**
 * Worker thread of search-words-lane.ts: the F5 search words of the orders a bulk writer is
 * inserting, made while it writes them. Each job's answer goes on the lane's port (which the
 * writer reads without returning to its event loop), then the job's number into the shared
 * signal, which wakes a writer waiting for it.
 */
const { port, signal } = workerData as WordsWorkerData;
const done = new Int32Array(signal);

function words(fields: readonly string[]): string {
  const rows: [string, string, string][] = [];
  for (let i = 0; i < fields.length; i += SEARCHED_FIELDS) {
    const [name, kana, email, phone, shipName, prefecture, address1, address2, shipPhone] = fields.slice(
      i,
      i + SEARCHED_FIELDS,
    ) as string[];
    rows.push(
      orderSearchWords({
        buyer: { name: name!, kana: kana!, email: email!, phone: phone! },
        shipTo: {
          name: shipName!,
          prefecture: prefecture!,
          address1: address1!,
          address2: address2!,
          phone: shipPhone!,
        },
      }),
    );
  }
  return JSON.stringify(rows);
}

(port as MessagePort).on('message', (job: WordsJob) => {
  let answer: WordsAnswer;
  try {
    answer = { id: job.id, rows: words(job.fields) };
  } catch (err) {
    answer = { id: job.id, failure: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(answer);
  Atomics.store(done, 0, job.id);
  Atomics.notify(done, 0);
});
