import { describe, expect, it } from 'vitest';
import type { PullResponse } from '../../../src-shared/sync/protocol.js';
import { pulledPages } from '../../../src-main/sync/pulled-pages.js';
import type { SyncTransport } from '../../../src-main/sync/transport.js';

const page = (cursor: number, hasMore: boolean): PullResponse => ({
  serverTime: new Date().toISOString(),
  cursor,
  hasMore,
  orders: [],
  removed: [],
  masters: [],
  history: [],
  stock: [],
  holdings: [],
});

/** A server of pages ending at 10, 20, 30; `header` is what each answer names as the next page. */
function fakeServer(header: (cursor: number) => number | null) {
  const asked: number[] = [];
  const transport = {
    async pull(cursor: number, _limit: number, _copy: boolean, onNextPage?: (next: number) => void) {
      asked.push(cursor);
      const end = cursor + 10;
      const named = header(cursor);
      if (named !== null) onNextPage?.(named);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return page(end, end < 30);
    },
  } as unknown as SyncTransport;
  return { transport, asked };
}

async function cursorsOf(transport: SyncTransport): Promise<number[]> {
  const seen: number[] = [];
  for await (const p of pulledPages(transport, 0, 100, true)) seen.push(p.cursor);
  return seen;
}

describe('pulled pages', () => {
  it('asks for the next page as soon as the header names it, each page once', async () => {
    const { transport, asked } = fakeServer((cursor) => (cursor + 10 < 30 ? cursor + 10 : null));
    expect(await cursorsOf(transport)).toEqual([10, 20, 30]);
    expect(asked).toEqual([0, 10, 20]);
  });

  it('drops a page asked for ahead when the body ends elsewhere than its header said (an answer cut and asked again)', async () => {
    const { transport, asked } = fakeServer((cursor) => (cursor === 0 ? 15 : null));
    expect(await cursorsOf(transport)).toEqual([10, 20, 30]);
    // 15 was asked on the header's word and left unused; the pages follow the bodies' cursors.
    expect(asked).toEqual([0, 15, 10, 20]);
  });
});
