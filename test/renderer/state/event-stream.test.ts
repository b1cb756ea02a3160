import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../src-shared/api/index.js';
import { createEventHub } from '../../../src-renderer/src/api/event-stream.js';

/** A server-sent event stream: `send` writes messages to it, `end` closes it. */
function stream(): { response: Response; send: (...messages: string[]) => void; end: () => void } {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return {
    response: new Response(body, { status: 200 }),
    send: (...messages) => messages.forEach((m) => controller.enqueue(new TextEncoder().encode(m))),
    end: () => controller.close(),
  };
}

const READY = 'event: ready\ndata: \n\n';
const data = (event: AppEvent) => `data: ${JSON.stringify(event)}\n\n`;
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};
const settled = (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  return () => done;
};

describe('browser mode’s event stream', () => {
  it('is one stream for every screen; the first reads wait for it, and only a reconnection makes the screens read again', async () => {
    const first = stream();
    const second = stream();
    const connections = [first, second];
    let opened = 0;
    const hub = createEventHub(
      async () => {
        const next = connections[opened++];
        if (!next) throw new Error('offline');
        return next.response;
      },
      10,
      60_000,
    );
    const heardByList: AppEvent[] = [];
    const heardByBar: AppEvent[] = [];
    hub.subscribe((event) => heardByList.push(event));
    const offBar = hub.subscribe((event) => heardByBar.push(event));
    const ready = settled(hub.ready);
    await new Promise((r) => setTimeout(r, 30));
    expect(ready()).toBe(false);

    first.send(READY, data({ type: 'masters:changed' }), 'event: ping\ndata: \n\n');
    await until(() => heardByBar.length >= 1);
    expect(ready()).toBe(true);
    // The screens read after the stream was subscribed: nothing to read again, once each.
    expect(heardByList).toEqual([{ type: 'masters:changed' }]);
    expect(heardByBar).toEqual([{ type: 'masters:changed' }]);

    offBar();
    first.end();
    await until(() => opened === 2);
    second.send(READY, data({ type: 'orders:changed', orderIds: [7] }));
    await until(() => heardByList.length >= 4);
    // The line dropped and came back: what changed meanwhile is read again.
    expect(heardByList.slice(1)).toEqual([
      { type: 'orders:changed' },
      { type: 'stock:changed' },
      { type: 'orders:changed', orderIds: [7] },
    ]);
    expect(heardByBar).toHaveLength(1);
    hub.stop();
    second.end();
    await new Promise((r) => setTimeout(r, 50));
    expect(opened).toBe(2);
  });

  it('lets the screens read when the first stream is slow, and has them read again once it is open', async () => {
    const slow = stream();
    const hub = createEventHub(async () => slow.response, 10, 30);
    const heard: AppEvent[] = [];
    hub.subscribe((event) => heard.push(event));
    const ready = settled(hub.ready);
    await until(ready);
    expect(ready()).toBe(true);
    expect(heard).toEqual([]);
    slow.send(READY);
    await until(() => heard.length >= 2);
    expect(heard).toEqual([{ type: 'orders:changed' }, { type: 'stock:changed' }]);
    hub.stop();
    slow.end();
  });

  it('keeps no read waiting when the first stream is refused', async () => {
    const hub = createEventHub(async () => new Response('', { status: 401 }), 60_000, 60_000);
    const ready = settled(hub.ready);
    await until(ready);
    expect(ready()).toBe(true);
    hub.stop();
  });
});
