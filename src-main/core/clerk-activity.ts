/**
 * When the last call from a screen came (dispatch() notes each one): housekeeping that shares
 * the thread with the clerk's calls (the S3 purge, privacy/purge.ts) waits until the screens
 * have been quiet a moment, so a click that follows another does not wait behind its work.
 */
export class ClerkActivity {
  private last = Number.NEGATIVE_INFINITY;

  note(): void {
    this.last = performance.now();
  }

  /** Milliseconds since the last call (Infinity before the first). */
  quietMs(): number {
    return performance.now() - this.last;
  }
}
