import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../src-shared/api/index.js';
import { followEvents } from '../../../src-renderer/src/api/event-stream.js';

/** A server-sent event stream that sends `messages` and ends when `end` is called. */
function stream(messages: string[]): { response: Response; end: () => void } {
  let close!: () => void;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const m of messages) controller.enqueue(new TextEncoder().encode(m));
      close = () => controller.close();
    },
  });
  return { response: new Response(body, { status: 200 }), end: () => close() };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('browser mode’s event stream', () => {
  it('tells the screens to read orders and stock again at each connection, then passes the events on', async () => {
    const heard: AppEvent[] = [];
    const first = stream([`data: ${JSON.stringify({ type: 'masters:changed' })}\n\n`, 'event: ping\ndata: x\n\n']);
    const second = stream([`data: ${JSON.stringify({ type: 'orders:changed', orderIds: [7] })}\n\n`]);
    const connections = [first, second];
    let opened = 0;
    const stop = followEvents(
      async () => {
        const next = connections[opened++];
        if (!next) throw new Error('offline');
        return next.response;
      },
      (event) => heard.push(event),
      10,
    );
    await until(() => heard.length >= 3);
    // Writes made before this connection (the app's first sync while the screen loaded) are read again.
    expect(heard).toEqual([{ type: 'orders:changed' }, { type: 'stock:changed' }, { type: 'masters:changed' }]);
    first.end();
    await until(() => heard.length >= 6);
    // The line dropped and came back: what changed meanwhile is read again too.
    expect(heard.slice(3)).toEqual([
      { type: 'orders:changed' },
      { type: 'stock:changed' },
      { type: 'orders:changed', orderIds: [7] },
    ]);
    stop();
    second.end();
    await new Promise((r) => setTimeout(r, 50));
    expect(opened).toBe(2);
  });
});
