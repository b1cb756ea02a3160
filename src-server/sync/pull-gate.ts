import type { ServerResponse } from 'node:http';

/** However a page's writing ends, the next one waits no longer than this. */
const WAIT_CAP_MS = 5000;

/**
 * A PC asks for its next page as soon as a page's header names the cursor (NEXT_PAGE_HEADER).
 * Building that page at once would hold the event loop (PGlite works in this process) while
 * megabytes of the page before still wait to be written, and the PC would wait for both. So
 * a PC's pull waits until its page before is handed to the network; then the server builds
 * the next page while the PC reads and writes that one.
 */
export class PullGate {
  private readonly writing = new Map<number, Promise<void>>();

  /** Resolves once this client's last page is written (at once when none is). */
  async wait(clientId: number): Promise<void> {
    await this.writing.get(clientId);
  }

  /** `outgoing` now carries this client's page, until it finishes or the line closes. */
  writingTo(clientId: number, outgoing: ServerResponse | undefined): void {
    if (!outgoing) return;
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, WAIT_CAP_MS);
      const end = () => {
        clearTimeout(timer);
        resolve();
      };
      outgoing.once('finish', end);
      outgoing.once('close', end);
    });
    this.writing.set(clientId, done);
    void done.then(() => {
      if (this.writing.get(clientId) === done) this.writing.delete(clientId);
    });
  }
}
