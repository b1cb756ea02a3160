import type { AmazonOrder, AmazonOrderItem } from '../../src-server/channels/amazon/amazon-orders.js';
import {
  FakeChannel,
  FakeTokens,
  json,
  type FakeAnswer,
  type FakeChannelOptions,
  type Plan,
  type Route,
} from './fake-kit.js';
import { shoppers } from './fake-people.js';

export const JP_MARKETPLACE = 'A1VC38T7YXB528';

/** The usage plans ordersV0.json documents. */
const PLANS: Record<string, Plan> = {
  getOrders: { rate: 0.0167, burst: 20 },
  getOrder: { rate: 0.5, burst: 30 },
  getOrderItems: { rate: 0.5, burst: 30 },
  confirmShipment: { rate: 2, burst: 10 },
};

export interface AmazonShipment {
  carrierCode: string;
  trackingNumber: string;
  shipDate: string;
  orderItems: { orderItemId: string; quantity: number }[];
}

const errors = (status: number, code: string, message: string, details = ''): FakeAnswer =>
  json(status, { errors: [{ code, message, details }] });

/**
 * Selling Partner API, Orders API v0, as ordersV0.json describes it: getOrders by
 * LastUpdatedAfter with NextToken paging (100 a page) and LastUpdatedBefore, getOrderItems,
 * getOrder, confirmShipment (204, or 400 with an error list); Login with Amazon's token
 * endpoint; x-amz-access-token checked (403 Unauthorized, "expired" when it was); 429
 * QuotaExceeded past the usage plan, whose rate every answer announces in
 * x-amzn-RateLimit-Limit. Orders become visible `lagMs` after their last update (Amazon: 2
 * minutes; tests make it short).
 */
export class AmazonFake extends FakeChannel {
  readonly tokens = new FakeTokens(
    'Atza|',
    'amzn1.application-oa2-client.chumon',
    'amzn-secret',
    'Atzr|refresh-chumon',
  );
  readonly orders = new Map<string, { order: AmazonOrder; items: AmazonOrderItem[] }>();
  /** Every shipment confirmation accepted, per order (more than one is a duplicate notice). */
  readonly shipments = new Map<string, AmazonShipment[]>();
  /** Rates announced in x-amzn-RateLimit-Limit (defaults: the documented plans). */
  readonly announced: Record<string, number> = {};
  lagMs: number;
  private readonly person: ReturnType<typeof shoppers>;
  private serial = 0;

  constructor(options: FakeChannelOptions & { seed?: number; lagMs?: number } = {}) {
    super(PLANS, options);
    this.lagMs = options.lagMs ?? 0;
    this.person = shoppers(options.seed ?? 1);
    for (const [op, plan] of Object.entries({ ...PLANS, ...options.plans })) this.announced[op] = plan.rate;
  }

  /** A seller with a higher usage plan: enforced here and announced in every answer. */
  override setPlan(op: string, plan: Plan): void {
    super.setPlan(op, plan);
    this.announced[op] = plan.rate;
  }

  /**
   * New MFN orders (Unshipped), with realistic Japanese buyers; returns their ids. `delivery`:
   * the ShipmentServiceLevelCategory (Standard unless said) and, for お届け日時指定便, the window
   * on every item (ScheduledDeliveryStartDate/EndDate).
   */
  addOrders(
    count: number,
    options: {
      fulfillment?: 'MFN' | 'AFN';
      status?: string;
      delivery?: { category: string; window?: [string, string] };
    } = {},
  ): string[] {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const n = ++this.serial;
      const s = this.person(n);
      const id = `503-${String(1_000_000 + n).padStart(7, '0')}-${String(7_654_321 + n * 7)
        .slice(-7)
        .padStart(7, '0')}`;
      const at = new Date().toISOString();
      const window = options.delivery?.window;
      const items: AmazonOrderItem[] = s.items.map((item, line) => ({
        OrderItemId: `${String(40_000_000_000_000 + n * 10 + line)}`,
        ASIN: `B0${String(n * 10 + line).padStart(8, '0')}`,
        SellerSKU: item.sku,
        Title: item.title,
        QuantityOrdered: item.quantity,
        ItemPrice: { CurrencyCode: 'JPY', Amount: String(item.unitPrice * item.quantity) },
        ShippingPrice: { CurrencyCode: 'JPY', Amount: line === 0 ? '500' : '0' },
        PromotionDiscount: { CurrencyCode: 'JPY', Amount: line === 0 ? String(s.points) : '0' },
        ...(s.cod && line === 0 ? { CODFee: { CurrencyCode: 'JPY', Amount: '330' } } : {}),
        IsGift: s.gift ? 'true' : 'false',
        ...(window ? { ScheduledDeliveryStartDate: window[0], ScheduledDeliveryEndDate: window[1] } : {}),
        ...(s.gift
          ? {
              BuyerInfo: {
                GiftMessageText: 'お誕生日おめでとう',
                GiftWrapPrice: { CurrencyCode: 'JPY', Amount: '0' },
                GiftWrapLevel: 'ギフト包装',
              },
            }
          : {}),
      }));
      const total = items.reduce((t, i) => t + Number(i.ItemPrice!.Amount) + Number(i.ShippingPrice!.Amount), 0);
      this.orders.set(id, {
        order: {
          AmazonOrderId: id,
          PurchaseDate: at,
          LastUpdateDate: at,
          OrderStatus: options.status ?? 'Unshipped',
          FulfillmentChannel: options.fulfillment ?? 'MFN',
          PaymentMethod: s.cod ? 'COD' : 'Other',
          ShipServiceLevel: 'Standard',
          ShipmentServiceLevelCategory: options.delivery?.category ?? 'Standard',
          // The seller's committed window (1 to 3 days on), not a wish of the buyer's.
          EarliestDeliveryDate: new Date(Date.parse(at) + 86_400_000).toISOString(),
          LatestDeliveryDate: new Date(Date.parse(at) + 3 * 86_400_000).toISOString(),
          OrderTotal: { CurrencyCode: 'JPY', Amount: String(total - s.points) },
          ShippingAddress: {
            Name: `${s.familyName} ${s.givenName}`,
            AddressLine1: s.street,
            AddressLine2: s.building,
            City: s.city,
            StateOrRegion: s.prefecture,
            PostalCode: s.postalCode,
            Phone: s.phone,
          },
          BuyerInfo: { BuyerEmail: `${n}abc@marketplace.amazon.co.jp`, BuyerName: `${s.familyName} ${s.givenName}` },
        },
        items,
      });
      ids.push(id);
    }
    return ids;
  }

  /** A change on Amazon's side (cancellation, address edit) moves LastUpdateDate. */
  update(id: string, change: (order: AmazonOrder) => void): void {
    const entry = this.orders.get(id)!;
    change(entry.order);
    entry.order.LastUpdateDate = new Date(
      Math.max(Date.now(), Date.parse(entry.order.LastUpdateDate) + 1),
    ).toISOString();
  }

  protected throttleAnswer(): FakeAnswer {
    return errors(429, 'QuotaExceeded', 'You exceeded your quota for the requested resource.');
  }

  private authorised(token: string | string[] | undefined): FakeAnswer | null {
    const state = this.tokens.check(typeof token === 'string' ? token : undefined);
    if (state === 'valid') return null;
    return errors(
      403,
      'Unauthorized',
      'Access to requested resource is denied.',
      state === 'expired' ? 'The access token you provided has expired.' : '',
    );
  }

  private withRate(op: string, answer: FakeAnswer): FakeAnswer {
    return { ...answer, headers: { ...answer.headers, 'x-amzn-RateLimit-Limit': String(this.announced[op]) } };
  }

  protected routes(): Route[] {
    const api = (op: string, method: string, pattern: RegExp, handle: Route['handle']): Route => ({
      op,
      method,
      pattern,
      handle: async (request, params) =>
        this.withRate(op, this.authorised(request.headers['x-amz-access-token']) ?? (await handle(request, params))),
    });
    return [
      { op: 'token', method: 'POST', pattern: /^\/auth\/o2\/token$/, handle: (r) => this.tokens.grant(r.body) },
      api('getOrders', 'GET', /^\/orders\/v0\/orders$/, (r) => this.getOrders(r.query)),
      api('getOrderItems', 'GET', /^\/orders\/v0\/orders\/([^/]+)\/orderItems$/, (_r, [id]) => {
        const entry = this.orders.get(decodeURIComponent(id!));
        if (!entry) return errors(404, 'NotFound', 'The order was not found.');
        return json(200, { payload: { AmazonOrderId: entry.order.AmazonOrderId, OrderItems: entry.items } });
      }),
      api('getOrder', 'GET', /^\/orders\/v0\/orders\/([^/]+)$/, (_r, [id]) => {
        const entry = this.orders.get(decodeURIComponent(id!));
        return entry ? json(200, { payload: entry.order }) : errors(404, 'NotFound', 'The order was not found.');
      }),
      api('confirmShipment', 'POST', /^\/orders\/v0\/orders\/([^/]+)\/shipmentConfirmation$/, (r, [id]) =>
        this.confirm(decodeURIComponent(id!), r.body),
      ),
    ];
  }

  private getOrders(query: URLSearchParams): FakeAnswer {
    if (!query.getAll('MarketplaceIds').join(',').split(',').includes(JP_MARKETPLACE))
      return errors(400, 'InvalidInput', 'Invalid MarketplaceIds.');
    const after = query.get('LastUpdatedAfter');
    if (!after || Number.isNaN(Date.parse(after)))
      return errors(400, 'InvalidInput', 'Either CreatedAfter or LastUpdatedAfter must be specified.');
    const before = new Date(Date.now() - this.lagMs).toISOString();
    const size = Math.min(Number(query.get('MaxResultsPerPage') ?? 100), 100);
    const offset = query.get('NextToken') ? Number(Buffer.from(query.get('NextToken')!, 'base64').toString()) : 0;
    const matching = [...this.orders.values()]
      .map((e) => e.order)
      .filter((o) => o.LastUpdateDate >= new Date(after).toISOString() && o.LastUpdateDate <= before)
      .sort((a, b) => a.LastUpdateDate.localeCompare(b.LastUpdateDate));
    const page = matching.slice(offset, offset + size);
    const next = offset + size < matching.length ? Buffer.from(String(offset + size)).toString('base64') : undefined;
    return json(200, { payload: { Orders: page, LastUpdatedBefore: before, ...(next ? { NextToken: next } : {}) } });
  }

  private confirm(id: string, text: string): FakeAnswer {
    const entry = this.orders.get(id);
    if (!entry) return errors(404, 'NotFound', 'The order was not found.');
    let body: { marketplaceId?: string; packageDetail?: Partial<AmazonShipment> & { packageReferenceId?: string } };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return errors(400, 'InvalidInput', 'The request body is not valid JSON.');
    }
    const detail = body.packageDetail;
    if (body.marketplaceId !== JP_MARKETPLACE || !detail?.packageReferenceId || !detail.carrierCode)
      return errors(400, 'InvalidInput', 'marketplaceId, packageReferenceId and carrierCode are required.');
    if (!detail.trackingNumber || !detail.shipDate || !detail.orderItems?.length)
      return errors(400, 'InvalidInput', 'trackingNumber, shipDate and orderItems are required.');
    const ids = new Set(entry.items.map((i) => i.OrderItemId));
    if (detail.orderItems.some((i) => !ids.has(i.orderItemId)))
      return errors(400, 'InvalidInput', 'An orderItemId does not belong to this order.');
    if (entry.order.OrderStatus === 'Canceled')
      return errors(400, 'InvalidInput', 'The order has been canceled and cannot be confirmed.');
    this.shipments.set(id, [...(this.shipments.get(id) ?? []), detail as AmazonShipment]);
    if (entry.order.OrderStatus === 'Shipped')
      return errors(400, 'InvalidInput', 'The shipment has already been confirmed for this order.');
    entry.order.OrderStatus = 'Shipped';
    entry.order.LastUpdateDate = new Date().toISOString();
    return { status: 204, body: '' };
  }
}
