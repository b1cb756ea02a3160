import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PULL_PAGE_MAX, PULL_PAGE_ORDERS, type PullResponse } from '../../../src-shared/sync/protocol.js';
import { NEXT_PAGE_HEADER } from '../../../src-shared/sync/versions.js';
import { startHeadOfficeServer, type TestServer } from '../../helpers/central-server.js';
import { makeOrder } from '../../helpers/orders.js';

describe('a first copy in pages', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    ({ server, token } = await startHeadOfficeServer());
    const orders = Array.from({ length: PULL_PAGE_ORDERS + 10 }, (_, i) =>
      makeOrder({ orderNo: `PAGE-${String(i).padStart(5, '0')}`, storeId: 'tokyo' }),
    );
    await server.intake(orders.slice(0, PULL_PAGE_ORDERS));
    await server.intake(orders.slice(PULL_PAGE_ORDERS));
    await server.intakeStock(Array.from({ length: 30 }, (_, i): [string, string, number] => [`SK-${i}`, 'tokyo', 5]));
  }, 120_000);
  afterAll(() => server.close());

  const pull = async (cursor: number) => {
    const response = await fetch(`${server.url}/sync/pull?cursor=${cursor}&limit=${PULL_PAGE_MAX}&copy=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    return { next: response.headers.get(NEXT_PAGE_HEADER), page: (await response.json()) as PullResponse };
  };

  it('holds at most a page of orders, takes stock in longer pages, and names the next page before its body', async () => {
    const pages: Awaited<ReturnType<typeof pull>>[] = [];
    let cursor = 0;
    for (;;) {
      const got = await pull(cursor);
      pages.push(got);
      if (!got.page.hasMore) break;
      cursor = got.page.cursor;
    }
    expect(pages.map(({ page }) => [page.orders.length, page.stock?.length ?? 0])).toEqual([
      [PULL_PAGE_ORDERS, 0],
      [10, 30],
    ]);
    // The header names where the next page starts: the body's cursor; the last page names none.
    expect(pages.map((p) => p.next)).toEqual([String(pages[0]!.page.cursor), null]);
    const numbers = pages.flatMap(({ page }) => page.orders.map((o) => o.orderNo));
    expect(new Set(numbers).size).toBe(PULL_PAGE_ORDERS + 10);
  });
});
