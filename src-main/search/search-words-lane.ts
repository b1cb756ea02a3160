import type BetterSqlite3 from 'better-sqlite3';
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { NewOrder } from '../../src-shared/domain/order.js';
import { orderSearchWords } from '../../src-shared/text/search-tokens.js';
import { startModuleWorker } from '../core/module-worker.js';
import { insertSearchRowsFrom } from './index-batch.js';

type SearchedOrder = Parameters<typeof orderSearchWords>[0];

/** The order fields an F5 search row is made from, as a job carries them: nine texts an order. */
const SEARCHED_FIELDS = 9;

function packSearched(fields: string[], { buyer, shipTo }: SearchedOrder): void {
  fields.push(buyer.name, buyer.kana, buyer.email, buyer.phone);
  fields.push(shipTo.name, shipTo.prefecture, shipTo.address1, shipTo.address2, shipTo.phone);
}

/** The F5 rows of a job's orders (packSearched's texts), as JSON [[name, addr, contact], …]. */
export function wordsOfPacked(fields: readonly string[]): string {
  const rows: [string, string, string][] = [];
  for (let i = 0; i < fields.length; i += SEARCHED_FIELDS) {
    const [name, kana, email, phone, shipName, prefecture, address1, address2, shipPhone] = fields.slice(
      i,
      i + SEARCHED_FIELDS,
    ) as [string, string, string, string, string, string, string, string, string];
    rows.push(
      orderSearchWords({
        buyer: { name, kana, email, phone },
        shipTo: { name: shipName, prefecture, address1, address2, phone: shipPhone },
      }),
    );
  }
  return JSON.stringify(rows);
}

export interface WordsWorkerData {
  port: MessagePort;
  /** Int32 [last answered job]: the worker's signal that an answer is on the port. */
  signal: SharedArrayBuffer;
}

export interface WordsJob {
  id: number;
  /** The orders, packSearched: SEARCHED_FIELDS texts each. */
  fields: string[];
}

/** The orders' rows as JSON, [[name, addr, contact], …] in the job's order, or why not. */
export type WordsAnswer = { id: number; rows: string } | { id: number; failure: string };

/** Below this many orders a batch makes its words itself: the round trip would cost more than it saves. */
export const WORDS_LANE_MIN_ORDERS = 2000;

/**
 * Waiting for an answer still being made is worth at most this share of what making the
 * words on the writer's own thread costs (about 12 µs an order): past it, the writer makes them.
 */
const WAIT_PER_ORDER_MS = 0.006;

/**
 * A worker thread making the F5 search words of a large batch of new orders (an import of
 * 50,000: about 0.6 s of JavaScript) on the second core while the writer inserts the rows,
 * which then go in as they are (index-batch.ts insertSearchRowsFrom). One per process,
 * started by an import's preview of such a batch (`BatchWords.expect`) or its first batch, and
 * kept; a writer that finds no answer in time, or a worker that failed, makes the words itself
 * (the batch's fill), so the lane only ever saves time.
 */
export class SearchWordsLane {
  private static shared: SearchWordsLane | null = null;
  private readonly port: MessagePort;
  private readonly done: Int32Array;
  private readonly worker: Worker;
  private broken = false;
  private lastJob = 0;
  /** Answers taken in time, since the lane started. */
  taken = 0;

  static get(): SearchWordsLane {
    if (!SearchWordsLane.shared || SearchWordsLane.shared.broken) SearchWordsLane.shared = new SearchWordsLane();
    return SearchWordsLane.shared;
  }

  private constructor() {
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    this.port = port1;
    this.done = new Int32Array(signal);
    // workerData carries the port only when it is also in the transfer list.
    this.worker = startModuleWorker(
      import.meta.url,
      'search-words-worker',
      { port: port2, signal } satisfies WordsWorkerData,
      [port2],
    );
    // Neither keeps the process alive: a store PC's service host ends when its window does.
    this.worker.unref();
    this.port.unref();
    this.worker.once('error', () => (this.broken = true));
    this.worker.once('exit', () => (this.broken = true));
  }

  /** Sends the orders' fields; the job's number, to take the rows with. */
  post(orders: readonly NewOrder[]): number {
    const fields: string[] = [];
    for (const order of orders) packSearched(fields, order);
    const id = ++this.lastJob;
    this.port.postMessage({ id, fields } satisfies WordsJob);
    return id;
  }

  /**
   * The rows of job `id` (JSON), waiting up to `waitMs` if they are still being made; null
   * when they are not there in time or the worker failed: the caller makes them itself. Jobs
   * are taken in the order they were posted (one commit at a time), so an answer to an earlier
   * one, whose commit gave up on it or failed, is dropped as it comes.
   */
  take(id: number, waitMs: number): string | null {
    const deadline = performance.now() + waitMs;
    for (;;) {
      for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
        const answer = m.message as WordsAnswer;
        if (answer.id === id) {
          if (!('rows' in answer)) return null;
          this.taken += 1;
          return answer.rows;
        }
      }
      const left = deadline - performance.now();
      if (this.broken || left <= 0) return null;
      // Signalled but not on the port yet (it follows at once): look again in a moment.
      const answered = Atomics.load(this.done, 0);
      Atomics.wait(this.done, 0, answered, answered >= id ? Math.min(left, 1) : left);
    }
  }
}

/** SQL giving the lane's rows as search rows of the orders numbered from @first, in id order. */
const LANE_ROWS = 'SELECT @first + key, value ->> 0, value ->> 1, value ->> 2 FROM json_each(@rows) ORDER BY key';

/**
 * The words of a batch of new orders, asked of the lane as the batch starts; none for a small
 * batch. `insert` writes them once the orders are in.
 */
export class BatchWords {
  private constructor(
    private readonly lane: SearchWordsLane,
    private readonly job: number,
    private readonly count: number,
  ) {}

  /**
   * A batch of `count` new orders may follow (an import's preview): the lane's worker is
   * started now, so that a first commit in this process does not wait for it to load.
   */
  static expect(count: number): void {
    if (count >= WORDS_LANE_MIN_ORDERS) SearchWordsLane.get();
  }

  static start(orders: readonly NewOrder[]): BatchWords | null {
    if (orders.length < WORDS_LANE_MIN_ORDERS) return null;
    const lane = SearchWordsLane.get();
    return new BatchWords(lane, lane.post(orders), orders.length);
  }

  /**
   * Writes the search rows of the orders inserted with ids `first` to `first + count - 1`
   * (the orders asked for, in their order, the newest of the open batch), or leaves them to
   * the batch's fill: false when the rows did not come in time.
   */
  insert(sqlite: BetterSqlite3.Database, first: number, inserted: number): boolean {
    const rows = this.lane.take(this.job, this.count * WAIT_PER_ORDER_MS);
    if (rows === null || inserted !== this.count) return false;
    insertSearchRowsFrom(sqlite, LANE_ROWS, { first, rows });
    return true;
  }
}
