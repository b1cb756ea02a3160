import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../src-server/db/open.js';
import type { TestServer } from '../../helpers/central-server.js';
import { runAccount } from '../../helpers/channels.js';
import { closeOAuthConnector, startOAuthConnector } from '../../helpers/oauth-connector.js';
import { makeOrder } from '../../helpers/orders.js';
import { AmazonFake } from '../../fakes/amazon-fake.js';

describe('金額未取得 filled by the Amazon Orders API', () => {
  let server: TestServer;
  let fake: AmazonFake;
  let accountId: number;

  beforeAll(async () => {
    ({ server, fake, accountId } = await startOAuthConnector(new AmazonFake({ seed: 5 }), {
      channel: 'amazon',
      settings: ({ url }) => ({ endpoint: url, tokenUrl: `${url}/auth/o2/token` }),
    }));
  }, 60_000);
  afterAll(() => closeOAuthConnector({ server, fake }));

  it('an order taken in from a report without prices takes the API’s prices, with a history row', async () => {
    const [id] = fake.addOrders(1);
    const api = fake.orders.get(id!)!;
    // The same order as the unshipped-orders report gave it first: its lines, no prices.
    await server.intake([
      makeOrder({
        channel: 'amazon',
        orderNo: id!,
        storeId: 'tokyo',
        paymentMethod: 'amazon_pay',
        amountsUnknown: true,
        discount: 0,
        shippingFee: 0,
        codFee: 0,
        items: api.items.map((item, i) => ({
          lineNo: i + 1,
          sku: item.SellerSKU ?? item.ASIN,
          title: item.Title ?? '',
          quantity: item.QuantityOrdered,
          unitPrice: 0,
          location: '',
        })),
      }),
    ]);
    const read = async () =>
      (
        await rows<{ amountsUnknown: boolean; subtotal: number; history: string | null }>(
          server.server.database.db,
          sql`SELECT o.amounts_unknown AS "amountsUnknown", o.subtotal,
                (SELECT string_agg(h.reason, '|') FROM order_history h WHERE h.order_id = o.id AND h.kind = 'channel_update') AS history
              FROM orders o WHERE o.channel = 'amazon' AND o.order_no = ${id!}`,
        )
      )[0]!;
    expect(await read()).toMatchObject({ amountsUnknown: true, subtotal: 0 });
    const run = await runAccount(server, accountId);
    expect(run.state).toBe('ok');
    const goods = api.items.reduce((t, i) => t + Number(i.ItemPrice!.Amount), 0);
    expect(await read()).toEqual({
      amountsUnknown: false,
      subtotal: goods,
      history: '金額未取得の注文に金額を反映しました',
    });
  });
});
