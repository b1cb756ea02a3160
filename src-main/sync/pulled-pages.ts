import type { PullResponse } from '../../src-shared/sync/protocol.js';
import type { SyncTransport } from './transport.js';

/** One page asked for: its answer, and the next page's cursor once the answer's header names it. */
class PageRequest {
  nextFrom: number | null = null;
  readonly page: Promise<PullResponse>;
  /** Settles when the header is in (or the answer failed or came without one). */
  readonly headed: Promise<void>;

  constructor(
    transport: SyncTransport,
    readonly cursor: number,
    size: number,
    copy: boolean,
  ) {
    let heard!: () => void;
    this.headed = new Promise((resolve) => (heard = resolve));
    this.page = transport.pull(cursor, size, copy, (next) => {
      this.nextFrom = next;
      heard();
    });
    // Whoever reads the page meets its failure; a page asked for ahead and never read is no unhandled rejection.
    this.page.then(heard, heard);
  }
}

/**
 * The pages from `cursor` on, in order. The next page is asked for as soon as the answer
 * before it names its cursor in a header, so that the server builds it while this PC reads
 * and writes the one before; from a server that names none, as soon as that one is read. A
 * page asked for ahead is used only if it starts where the page before it ends.
 */
export async function* pulledPages(
  transport: SyncTransport,
  cursor: number,
  size: number,
  copy: boolean,
): AsyncGenerator<PullResponse> {
  let current = new PageRequest(transport, cursor, size, copy);
  for (;;) {
    await current.headed;
    let ahead = current.nextFrom === null ? null : new PageRequest(transport, current.nextFrom, size, copy);
    const page = await current.page;
    if (page.hasMore && ahead?.cursor !== page.cursor) ahead = new PageRequest(transport, page.cursor, size, copy);
    yield page;
    if (!page.hasMore || !ahead) return;
    current = ahead;
  }
}
