import { EVENTS_READY } from '../../../src-shared/api/http.js';
import type { AppEvent } from '../../../src-shared/api/index.js';

/** Reads a server-sent event stream, calling `onMessage` with each message's event name and data. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  onMessage: (event: string, data: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: ?(.*)$/m.exec(message)?.[1] ?? 'message';
      const data = message
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      onMessage(event, data);
    }
  }
}

/** One event stream shared by every screen, and whether the screens may read yet. */
export interface EventHub {
  subscribe(listener: (event: AppEvent) => void): () => void;
  /**
   * Resolves once the first stream is open and subscribed (or after `readyWaitMs` when it
   * cannot be): a read made after this hears every later change.
   */
  ready: Promise<void>;
  stop(): void;
}

/**
 * Browser mode's events: one stream for the whole page (a stream per screen would hold one of
 * the browser's six connections to the app each, leaving the screens' reads fewer), opened at
 * once and opened again `retryMs` after it ends or fails. Changes made while no stream was open
 * sent events no one heard: after a reconnection the listeners are told orders and stock
 * changed, so the screens read them again. The first stream needs no such event when the
 * screens' first reads wait for `ready`; if it took longer than `readyWaitMs` the screens
 * read without it (as at once when the first stream fails), and its connection counts as a
 * reconnection.
 */
export function createEventHub(
  open: (signal: AbortSignal) => Promise<Response>,
  retryMs = 2000,
  readyWaitMs = 1500,
): EventHub {
  const listeners = new Set<(event: AppEvent) => void>();
  const emit = (event: AppEvent) => listeners.forEach((listener) => listener(event));
  const abort = new AbortController();
  let connected = 0;
  // Whether the screens were let read before any stream was open.
  let readsWent = false;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const letReadsGo = () => {
    clearTimeout(waited);
    if (connected === 0) readsWent = true;
    markReady();
  };
  const waited = setTimeout(letReadsGo, readyWaitMs);
  const onReady = () => {
    if (connected++ > 0 || readsWent) {
      emit({ type: 'orders:changed' });
      emit({ type: 'stock:changed' });
    }
    letReadsGo();
  };
  void (async () => {
    while (!abort.signal.aborted) {
      try {
        const response = await open(abort.signal);
        if (response.ok && response.body) {
          await readEvents(response.body, (event, data) => {
            if (event === EVENTS_READY) onReady();
            else if (event === 'message' && data) emit(JSON.parse(data) as AppEvent);
          });
        }
      } catch {
        // The app restarted or the line dropped: connect again below.
      }
      // A first stream refused or cut off before it was ready keeps no read waiting.
      letReadsGo();
      if (!abort.signal.aborted) await new Promise((r) => setTimeout(r, retryMs));
    }
  })();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ready,
    stop() {
      clearTimeout(waited);
      abort.abort();
    },
  };
}
