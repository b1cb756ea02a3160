/** A store PC's change-notice stream (/sync/events), read raw: every notice with the time it came. */
export interface ChangeListener {
  notices: { seq: number; at: number }[];
  /** Milliseconds from `since` to the first notice after it; throws after `ms`. */
  nextNotice(since: number, ms: number): Promise<number>;
  close(): void;
}

export async function listenForChanges(url: string, token: string): Promise<ChangeListener> {
  const abort = new AbortController();
  const response = await fetch(new URL('/sync/events', url), {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (!response.ok || !response.body) throw new Error(`/sync/events: ${response.status}`);
  const notices: { seq: number; at: number }[] = [];
  let greeted: () => void = () => undefined;
  const hello = new Promise<void>((resolve) => (greeted = resolve));
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (/^event: hello$/m.test(message)) greeted();
          if (/^event: change$/m.test(message))
            notices.push({ seq: Number(/^data: (\d+)$/m.exec(message)?.[1]), at: Date.now() });
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  await hello;
  return {
    notices,
    async nextNotice(since, ms) {
      for (;;) {
        const found = notices.find((n) => n.at >= since);
        if (found) return found.at - since;
        if (Date.now() - since > ms) throw new Error(`no change notice within ${ms} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => abort.abort(),
  };
}
