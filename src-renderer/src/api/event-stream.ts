import type { AppEvent } from '../../../src-shared/api/index.js';

/** Reads a server-sent event stream, calling `onData` with each message's data. */
async function readEvents(body: ReadableStream<Uint8Array>, onData: (data: string) => void): Promise<void> {
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
      if (/^event: (?!message$)/m.test(message)) continue;
      const data = message
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (data) onData(data);
    }
  }
}

/**
 * Browser mode's events: follows the app's event stream (`open` connects to it), connecting
 * again `retryMs` after it ends or fails, until the returned stop is called. What changed
 * while no stream was open (the app's first sync before the screen connected, a dropped line)
 * sent events no one heard: at each connection the listener is told orders and stock changed,
 * so the screens read them again.
 */
export function followEvents(
  open: (signal: AbortSignal) => Promise<Response>,
  listener: (event: AppEvent) => void,
  retryMs = 2000,
): () => void {
  const abort = new AbortController();
  void (async () => {
    while (!abort.signal.aborted) {
      try {
        const response = await open(abort.signal);
        if (response.ok && response.body) {
          listener({ type: 'orders:changed' });
          listener({ type: 'stock:changed' });
          await readEvents(response.body, (data) => listener(JSON.parse(data) as AppEvent));
        }
      } catch {
        // The app restarted or the line dropped: connect again below.
      }
      if (!abort.signal.aborted) await new Promise((r) => setTimeout(r, retryMs));
    }
  })();
  return () => abort.abort();
}
