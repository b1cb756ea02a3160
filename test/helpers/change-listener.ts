/** A store PC's change-notice stream (/sync/events), read raw: every notice with the time it came. */
export interface ChangeListener {
  notices: { seq: number; at: number }[];
  /** The first notice of change number `seq` or later; throws when none came within `ms`. */
  reach(seq: number, ms: number): Promise<{ seq: number; at: number }>;
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
  const waiting = new Set<() => void>();
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
          if (/^event: change$/m.test(message)) {
            notices.push({ seq: Number(/^data: (\d+)$/m.exec(message)?.[1]), at: Date.now() });
            for (const wake of waiting) wake();
          }
        }
      }
    } catch {
      // Aborted by close().
    }
  })();
  await hello;
  return {
    notices,
    reach: (seq, ms) =>
      new Promise((resolve, reject) => {
        const look = () => {
          const found = notices.find((n) => n.seq >= seq);
          if (!found) return;
          clearTimeout(timer);
          waiting.delete(look);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiting.delete(look);
          reject(new Error(`no notice of change ${seq} within ${ms} ms`));
        }, ms);
        waiting.add(look);
        look();
      }),
    close: () => abort.abort(),
  };
}

/** What tells who wakes: the PCs' streams, the server's last change number, and a master change. */
export interface WakeProbe<Pc extends string> {
  listeners: Record<Pc, ChangeListener>;
  lastChange(): Promise<number>;
  /** A master change: it wakes every PC. */
  marker(): Promise<unknown>;
}

/**
 * Makes the server tell every PC of everything so far (a master change, heard by all), so
 * that what follows is not told together with older changes.
 */
export async function settle<Pc extends string>(probe: WakeProbe<Pc>, ms = 5000): Promise<void> {
  await probe.marker();
  const seq = await probe.lastChange();
  await Promise.all(Object.values<ChangeListener>(probe.listeners).map((l) => l.reach(seq, ms)));
}

/**
 * Who `change` woke, and how many ms after it began; null for a PC it did not wake. No
 * quiet period is waited out: once `witness` (a PC the change must wake) has heard of it,
 * the server has told everyone concerned; then a master change wakes every PC, and as each
 * stream delivers its notices in order, a PC woke for `change` exactly when it heard of a
 * change number up to the change's before the master change's. Call `settle` once first.
 */
export async function whoWakes<Pc extends string>(
  probe: WakeProbe<Pc>,
  witness: NoInfer<Pc>,
  change: () => Promise<unknown>,
  ms = 5000,
): Promise<Record<Pc, number | null>> {
  const before = await probe.lastChange();
  const since = Date.now();
  await change();
  const changed = await probe.lastChange();
  await probe.listeners[witness].reach(changed, ms);
  await probe.marker();
  const marked = await probe.lastChange();
  const pcs = Object.keys(probe.listeners) as Pc[];
  await Promise.all(pcs.map((pc) => probe.listeners[pc].reach(marked, ms)));
  const woke = {} as Record<Pc, number | null>;
  for (const pc of pcs) {
    const notice = probe.listeners[pc].notices.find((n) => n.seq > before && n.seq <= changed);
    woke[pc] = notice ? notice.at - since : null;
  }
  return woke;
}
