import { z } from 'zod';
import { numberedCarrier } from '../../../src-shared/domain/channel-carrier-codes.js';
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
import { fromJst, jstDigits } from '../mapping.js';
import { Pacers, type UsagePlan } from '../pacer.js';
import { commonSettings, writeOutcome } from '../settings.js';
import { refreshedTokens, refreshTokenCredentials, withAccessToken, type AccessTokens } from '../tokens.js';
import { mapYahooOrder, YAHOO_INFO_FIELDS, yahooState, type YahooOrderInfo } from './yahoo-orders.js';
import { parseXml, requestXml, yahooError } from './yahoo-xml.js';

export const yahooSettings = commonSettings.extend({
  endpoint: z.url().default('https://circus.shopping.yahooapis.jp/ShoppingWebService/V1'),
  tokenUrl: z.url().default('https://auth.login.yahoo.co.jp/yconnect/v2/token'),
  /** ストアアカウント. */
  sellerId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,128}$/, 'ストアアカウントは英数字・_・- で入力してください。'),
  /** 注文検索 has no update-time condition: recent orders are looked at again for changes. */
  lookbackDays: z.number().int().min(1).max(60).default(14),
  pageSize: z.number().int().min(1).max(2000).default(2000),
});

export const yahooCredentials = refreshTokenCredentials;

/** "短い時間で同一URLに大量にアクセスを行った場合…（1クエリ/秒）": one query a second per URL. */
const YAHOO_PLANS: Record<string, UsagePlan> = {
  token: { rate: 1, burst: 5 },
  orderList: { rate: 1, burst: 1 },
  orderInfo: { rate: 1, burst: 1 },
  orderShipStatusChange: { rate: 1, burst: 1 },
};

const PROTOCOL: ChannelProtocol = {
  label: 'Yahoo!ショッピング',
  throttle: (answer, backoffMs) => (answer.status === 429 ? retryAfter(answer, backoffMs) : null),
};

/**
 * An expired access token is renewed; px-04102 (the 12-hour session or public-key period is
 * over) and other refusals need the seller to authorize again: the connector stops.
 */
function judge(answer: HttpAnswer): 'ok' | 'expired' | 'refused' {
  const error = yahooError(answer);
  if (answer.status === 401) return /px-04102/.test(error) ? 'refused' : 'expired';
  if (answer.status === 403 && /px-0/.test(error)) return 'refused';
  return 'ok';
}

const refused = (answer: HttpAnswer) =>
  `Yahoo!ショッピングがアクセスを拒否しました（${yahooError(answer)}）。Yahoo! ID連携の認可をやり直し、管理APIでリフレッシュトークンを登録し直してください。それまでこの接続は停止します。`;

interface ListHit {
  OrderId: string;
  OrderStatus?: string;
  LastUpdateTime?: string;
}

/** Yahoo!ショッピング store order API (注文検索, 注文詳細, 出荷ステータス変更), XML over POST. */
export class YahooConnector implements ChannelConnector {
  private readonly http: ChannelHttp;
  private readonly tokens: AccessTokens;

  constructor(
    private readonly settings: z.output<typeof yahooSettings>,
    credentials: z.output<typeof yahooCredentials>,
  ) {
    this.http = new ChannelHttp(new Pacers({ ...YAHOO_PLANS, ...settings.rates }), PROTOCOL, settings.retry);
    this.tokens = refreshedTokens(this.http, settings.tokenUrl, credentials, 'Yahoo!ショッピング（Yahoo! ID連携）');
  }

  private request(token: string, body: string): RequestInit {
    return {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml; charset=UTF-8' },
      body,
    };
  }

  private async read<T>(operation: string, req: Record<string, unknown>): Promise<T> {
    const body = requestXml({ ...req, SellerId: this.settings.sellerId });
    const url = `${this.settings.endpoint}/${operation}`;
    const answer = await withAccessToken(
      this.tokens,
      (token) => this.http.read(operation, url, async () => this.request(token, body)),
      judge,
      refused,
    );
    if (answer.status !== 200)
      throw new ChannelUnavailableError(
        `Yahoo!ショッピングが要求を受け付けませんでした（${operation}: ${yahooError(answer)}）。`,
      );
    return parseXml<T>(answer.text);
  }

  private async info(orderId: string, fields: string): Promise<YahooOrderInfo | null> {
    const body = await this.read<{ ResultSet?: { Result?: { OrderInfo?: YahooOrderInfo[] } } }>('orderInfo', {
      Target: { OrderId: orderId, Field: fields },
    });
    return body.ResultSet?.Result?.OrderInfo?.[0] ?? null;
  }

  /**
   * 注文検索 by order time over the look-back window (from the cursor when it is older), page
   * by page (Start/Result); 注文詳細 for each order that is new to the server or whose
   * LastUpdateTime moved. The cursor records the window's end with the run's last page.
   */
  async *fetchOrders(cursor: Json | null, context: FetchContext): AsyncGenerator<FetchPage, void, void> {
    const checked = (cursor as { checkedThrough?: string } | null)?.checkedThrough;
    const now = context.now.getTime();
    const from = checked
      ? Math.min(Date.parse(checked), now - this.settings.lookbackDays * 86_400_000)
      : now - this.settings.firstFetchDays * 86_400_000;
    const to = new Date(now).toISOString();
    for (let start = 1; ; start += this.settings.pageSize) {
      const body = await this.read<{ Result?: { Search?: { TotalCount?: string; OrderInfo?: ListHit[] } } }>(
        'orderList',
        {
          Search: {
            Result: this.settings.pageSize,
            Start: start,
            Sort: '+order_time',
            Condition: { OrderTimeFrom: jstDigits(new Date(from)), OrderTimeTo: jstDigits(to), IsActive: 'true' },
            Field: 'OrderId,OrderStatus,LastUpdateTime',
          },
        },
      );
      const hits = body.Result?.Search?.OrderInfo ?? [];
      const total = Number(body.Result?.Search?.TotalCount ?? 0);
      const known = await context.known(hits.map((h) => h.OrderId));
      const orders: ChannelOrder[] = [];
      for (const hit of hits) {
        const seen = known.get(hit.OrderId);
        if (seen === undefined && (hit.OrderStatus === '4' || hit.OrderStatus === '5')) continue;
        if (hit.LastUpdateTime && seen === fromJst(hit.LastUpdateTime)) continue;
        const info = await this.info(hit.OrderId, YAHOO_INFO_FIELDS);
        const state = info && yahooState(info.OrderStatus, info.Ship?.ShipStatus, info.IsActive);
        if (info && state && (seen !== undefined || state === 'open')) orders.push(mapYahooOrder(info, state));
      }
      const last = hits.length === 0 || start + this.settings.pageSize > total;
      yield { orders, cursor: last ? { checkedThrough: to } : cursor };
      if (last) return;
    }
  }

  /** 出荷ステータス変更: ShipStatus 3 (出荷済み) with 配送会社, 送り状番号 and 出荷日. */
  async confirmShipment(request: ShipmentRequest): Promise<ShipmentResult> {
    const body = requestXml({
      Target: { OrderId: request.orderNo, IsPointFix: 'true' },
      Order: {
        Ship: {
          ShipStatus: 3,
          ShipCompanyCode: numberedCarrier(request.carrier),
          ShipInvoiceNumber1: request.trackingNo,
          ShipDate: jstDigits(request.shippedAt).slice(0, 8),
        },
      },
      SellerId: this.settings.sellerId,
    });
    let answer: HttpAnswer;
    try {
      answer = await withAccessToken(
        this.tokens,
        (token) =>
          this.http.send(
            'orderShipStatusChange',
            `${this.settings.endpoint}/orderShipStatusChange`,
            this.request(token, body),
          ),
        judge,
        refused,
      );
    } catch (err) {
      if (err instanceof NetworkFailure)
        return { kind: 'unknown', message: `Yahoo!ショッピングからの応答がありません（${err.message}）` };
      throw err;
    }
    const ok =
      answer.status === 200 &&
      parseXml<{ ResultSet?: { Result?: { Status?: string } } }>(answer.text).ResultSet?.Result?.Status === 'OK';
    return writeOutcome(answer, ok, () => yahooError(answer));
  }

  /** After a lost answer: the order shows 出荷済み with this 送り状番号 once Yahoo! took it. */
  async hasShipment(request: ShipmentRequest): Promise<boolean> {
    const info = await this.info(request.orderNo, 'OrderId,ShipStatus,ShipInvoiceNumber1');
    const ship = info?.Ship;
    return (ship?.ShipStatus === '3' || ship?.ShipStatus === '4') && ship.ShipInvoiceNumber1 === request.trackingNo;
  }
}
