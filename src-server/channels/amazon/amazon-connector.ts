import { z } from 'zod';
import { amazonCarrier } from '../../../src-shared/domain/channel-carrier-codes.js';
import {
  ChannelUnavailableError,
  type ChannelConnector,
  type ChannelOrder,
  type FetchContext,
  type FetchPage,
  type Json,
  type ShipmentRequest,
  type ShipmentResult,
} from '../connector.js';
import { ChannelHttp, NetworkFailure, retryAfter, type ChannelProtocol, type HttpAnswer } from '../http.js';
import { Pacers, type UsagePlan } from '../pacer.js';
import { commonSettings, writeOutcome } from '../settings.js';
import { refreshedTokens, refreshTokenCredentials, withAccessToken, type AccessTokens } from '../tokens.js';
import { amazonState, mapAmazonOrder, type AmazonOrder, type AmazonOrderItem } from './amazon-orders.js';

export const amazonSettings = commonSettings.extend({
  endpoint: z.url().default('https://sellingpartnerapi-fe.amazon.com'),
  tokenUrl: z.url().default('https://api.amazon.com/auth/o2/token'),
  /** Amazon.co.jp. */
  marketplaceId: z.string().min(1).max(40).default('A1VC38T7YXB528'),
});

export const amazonCredentials = refreshTokenCredentials;

/** The usage plans ordersV0.json documents (requests per second, burst). */
const AMAZON_PLANS: Record<string, UsagePlan> = {
  token: { rate: 1, burst: 5 },
  getOrders: { rate: 0.0167, burst: 20 },
  getOrder: { rate: 0.5, burst: 30 },
  getOrderItems: { rate: 0.5, burst: 30 },
  confirmShipment: { rate: 2, burst: 10 },
};

interface AmazonErrors {
  errors?: { code?: string; message?: string; details?: string }[];
}

function errorsOf(answer: HttpAnswer): AmazonErrors['errors'] {
  try {
    return (JSON.parse(answer.text) as AmazonErrors).errors ?? [];
  } catch {
    return [];
  }
}

function describe(answer: HttpAnswer): string {
  const errors = errorsOf(answer) ?? [];
  return errors.length
    ? errors.map((e) => [e.code, e.message, e.details].filter(Boolean).join(': ')).join(' / ')
    : `HTTP ${answer.status}`;
}

/** SP-API answers QuotaExceeded with 429 and no Retry-After: a doubling back-off. */
const PROTOCOL: ChannelProtocol = {
  label: 'Amazon',
  rateHeader: 'x-amzn-ratelimit-limit',
  throttle: (answer, backoffMs) => (answer.status === 429 ? retryAfter(answer, backoffMs) : null),
};

const refused = (answer: HttpAnswer) =>
  `Amazon がアクセストークンを受け付けませんでした（${describe(answer)}。アプリの承認が取り消されたか、権限が足りません）。管理APIで認証情報を登録し直してください。それまでこの接続は停止します。`;

/** 403 Unauthorized "…access token you provided has expired" is renewed; any other 401/403 stops. */
function judge(answer: HttpAnswer): 'ok' | 'expired' | 'refused' {
  if (answer.status !== 401 && answer.status !== 403) return 'ok';
  return /expired/i.test(describe(answer)) ? 'expired' : 'refused';
}

/** Selling Partner API, Orders API v0, with Login with Amazon access tokens. */
export class AmazonConnector implements ChannelConnector {
  private readonly http: ChannelHttp;
  private readonly tokens: AccessTokens;

  constructor(
    private readonly settings: z.output<typeof amazonSettings>,
    credentials: z.output<typeof amazonCredentials>,
  ) {
    this.http = new ChannelHttp(new Pacers({ ...AMAZON_PLANS, ...settings.rates }), PROTOCOL, settings.retry);
    this.tokens = refreshedTokens(this.http, settings.tokenUrl, credentials, 'Amazon（Login with Amazon）');
  }

  private async read<T>(operation: string, path: string, query?: URLSearchParams): Promise<T> {
    const url = `${this.settings.endpoint}${path}${query ? `?${query}` : ''}`;
    const answer = await withAccessToken(
      this.tokens,
      (token) =>
        this.http.read(operation, url, async () => ({
          headers: { 'x-amz-access-token': token, accept: 'application/json' },
        })),
      judge,
      refused,
    );
    if (answer.status !== 200)
      throw new ChannelUnavailableError(`Amazon が要求を受け付けませんでした（${operation}: ${describe(answer)}）。`);
    return JSON.parse(answer.text) as T;
  }

  private async items(orderId: string): Promise<AmazonOrderItem[]> {
    const items: AmazonOrderItem[] = [];
    let next: string | undefined;
    do {
      const query = next ? new URLSearchParams({ NextToken: next }) : undefined;
      const body = await this.read<{ payload?: { OrderItems?: AmazonOrderItem[]; NextToken?: string } }>(
        'getOrderItems',
        `/orders/v0/orders/${encodeURIComponent(orderId)}/orderItems`,
        query,
      );
      items.push(...(body.payload?.OrderItems ?? []));
      next = body.payload?.NextToken || undefined;
    } while (next);
    return items;
  }

  /**
   * getOrders by LastUpdatedAfter, page by page (NextToken). New orders the seller ships
   * (MFN, Unshipped) get their items; orders the server has are passed on only when Amazon
   * changed them since. The cursor moves to Amazon's LastUpdatedBefore with the last page.
   */
  async *fetchOrders(cursor: Json | null, context: FetchContext): AsyncGenerator<FetchPage, void, void> {
    const stored = (cursor as { lastUpdatedAfter?: string } | null)?.lastUpdatedAfter;
    const since = stored ?? new Date(context.now.getTime() - this.settings.firstFetchDays * 86_400_000).toISOString();
    // A page served again is stored again (harmlessly); a page token that keeps coming back is a loop.
    const tokensSeen = new Map<string, number>();
    let next: string | undefined;
    do {
      const query = new URLSearchParams({
        MarketplaceIds: this.settings.marketplaceId,
        LastUpdatedAfter: since,
        MaxResultsPerPage: '100',
      });
      if (next) query.set('NextToken', next);
      const body = await this.read<{
        payload?: { Orders?: AmazonOrder[]; NextToken?: string; LastUpdatedBefore?: string };
      }>('getOrders', '/orders/v0/orders', query);
      const payload = body.payload ?? {};
      next = payload.NextToken || undefined;
      if (next) {
        const seen = (tokensSeen.get(next) ?? 0) + 1;
        if (seen > 3) throw new ChannelUnavailableError('Amazon の注文一覧のページ送りが同じページを繰り返しました。');
        tokensSeen.set(next, seen);
      }
      const mine = (payload.Orders ?? []).filter((o) => o.FulfillmentChannel !== 'AFN');
      const known = await context.known(mine.map((o) => o.AmazonOrderId));
      const orders: ChannelOrder[] = [];
      for (const order of mine) {
        const state = amazonState(order.OrderStatus);
        const seen = known.get(order.AmazonOrderId);
        if (!state || (seen === undefined && state !== 'open')) continue;
        if (seen === new Date(order.LastUpdateDate).toISOString()) continue;
        const items = seen === undefined ? await this.items(order.AmazonOrderId) : [];
        orders.push(mapAmazonOrder(order, items, state));
      }
      const through =
        payload.LastUpdatedBefore ??
        new Date(Math.max(Date.parse(since), context.now.getTime() - 120_000)).toISOString();
      yield { orders, cursor: next ? cursor : { lastUpdatedAfter: new Date(through).toISOString() } };
    } while (next);
  }

  /** confirmShipment: 204 is taken; 400 is refused with Amazon's own words. */
  async confirmShipment(request: ShipmentRequest): Promise<ShipmentResult> {
    const ref = request.shipmentRef as { items?: { orderItemId: string; quantity: number }[] };
    const body = JSON.stringify({
      marketplaceId: this.settings.marketplaceId,
      packageDetail: {
        packageReferenceId: '1',
        ...amazonCarrier(request.carrier),
        trackingNumber: request.trackingNo,
        shipDate: new Date(request.shippedAt).toISOString(),
        orderItems: ref.items ?? [],
      },
      ...(request.paymentMethod === 'cod' ? { codCollectionMethod: 'DirectPayment' } : {}),
    });
    const url = `${this.settings.endpoint}/orders/v0/orders/${encodeURIComponent(request.orderNo)}/shipmentConfirmation`;
    let answer: HttpAnswer;
    try {
      answer = await withAccessToken(
        this.tokens,
        (token) =>
          this.http.send('confirmShipment', url, {
            method: 'POST',
            headers: { 'x-amz-access-token': token, 'content-type': 'application/json' },
            body,
          }),
        judge,
        refused,
      );
    } catch (err) {
      if (err instanceof NetworkFailure)
        return { kind: 'unknown', message: `Amazon からの応答がありません（${err.message}）` };
      throw err;
    }
    return writeOutcome(answer, answer.status === 204 || answer.status === 200, () => describe(answer));
  }

  /** After a lost answer: Amazon shows the order as Shipped once it took the confirmation. */
  async hasShipment(request: ShipmentRequest): Promise<boolean> {
    const body = await this.read<{ payload?: AmazonOrder }>(
      'getOrder',
      `/orders/v0/orders/${encodeURIComponent(request.orderNo)}`,
    );
    return body.payload?.OrderStatus === 'Shipped';
  }
}
