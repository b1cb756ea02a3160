import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { YahooOrderInfo } from '../../src-server/channels/yahoo/yahoo-orders.js';
import {
  FakeChannel,
  FakeTokens,
  xml,
  type FakeAnswer,
  type FakeChannelOptions,
  type Plan,
  type Route,
} from './fake-kit.js';
import { shoppers } from './fake-people.js';

/** "（1クエリ/秒）" per URL. */
const PLANS: Record<string, Plan> = {
  orderList: { rate: 1, burst: 1 },
  orderInfo: { rate: 1, burst: 1 },
  orderShipStatusChange: { rate: 1, burst: 1 },
};

const parser = new XMLParser({ parseTagValue: false, trimValues: true });
const builder = new XMLBuilder({ format: false });

/** Japan time as the API writes it: 2026-11-27T10:30:00+09:00. */
export function jst(ms: number): string {
  return `${new Date(ms + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;
}

/** YYYYMMDDHH24MISS (Japan time) as an instant. */
function digitsToMs(digits: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(digits);
  return m ? Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+09:00`) : NaN;
}

const error = (status: number, code: string, message: string, headers?: Record<string, string>): FakeAnswer =>
  xml(status, `<Error><Message>${message}</Message><Code>${code}</Code></Error>`, headers);

export interface YahooShipment {
  shipCompanyCode: string;
  invoiceNumber: string;
  shipDate: string;
}

/** A Japan-time day `days` on, as YYYYMMDD. */
const wishDay = (days: number) =>
  jst(Date.now() + days * 86_400_000)
    .slice(0, 10)
    .replace(/-/g, '');

type Req = {
  SellerId?: string;
  Search?: { Result?: string; Start?: string; Condition?: Record<string, string>; Field?: string };
  Target?: { OrderId?: string; Field?: string };
  Order?: { Ship?: { ShipStatus?: string; ShipCompanyCode?: string; ShipInvoiceNumber1?: string; ShipDate?: string } };
};

/**
 * Yahoo!ショッピング's store order API as its reference pages describe it: XML POSTs to
 * /ShoppingWebService/V1/orderList (Search: Result/Start paging, OrderTime conditions, the
 * Field list answered), orderInfo (Target/Field, OrderInfo grouped in Pay, Ship, Detail and
 * Item) and orderShipStatusChange (ShipStatus 3 with 配送会社, 送り状番号, 出荷日); Bearer
 * tokens from the Yahoo! ID連携 v2 token endpoint (401 invalid_token when expired); <Error>
 * bodies with Message and Code; one query a second per URL (429 beyond, an assumption).
 */
export class YahooFake extends FakeChannel {
  readonly tokens = new FakeTokens('yj-', 'dj00chumon', 'yahoo-secret', 'yahoo-refresh-chumon');
  readonly sellerId = 'chumon-store';
  readonly orders = new Map<string, YahooOrderInfo>();
  readonly shipments = new Map<string, YahooShipment[]>();
  private readonly person: ReturnType<typeof shoppers>;
  private serial = 0;

  constructor(options: FakeChannelOptions & { seed?: number } = {}) {
    super(PLANS, options);
    this.person = shoppers(options.seed ?? 2);
  }

  /** New orders (処理中, 出荷可) placed `agoMinutes` ago; returns their ids. */
  addOrders(count: number, agoMinutes = 1): string[] {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const n = ++this.serial;
      const s = this.person(n);
      const id = `${this.sellerId}-${10_000_000 + n}`;
      const at = jst(Date.now() - agoMinutes * 60_000);
      const cod = s.cod;
      const goods = s.items.reduce((t, item) => t + item.unitPrice * item.quantity, 0);
      const ship = 600;
      const charge = cod ? 330 : 0;
      const wrap = s.gift ? 220 : 0;
      this.orders.set(id, {
        OrderId: id,
        OrderTime: at,
        LastUpdateTime: at,
        OrderStatus: '2',
        IsActive: 'true',
        BuyerComments: s.comment,
        Pay: {
          PayMethod: cod ? 'payment_d1' : 'payment_a1',
          PayMethodName: cod ? '商品代引' : 'クレジットカード決済',
          BillLastName: s.familyName,
          BillFirstName: s.givenName,
          BillLastNameKana: s.familyKana,
          BillFirstNameKana: s.givenKana,
          BillMailAddress: s.email,
          BillPhoneNumber: s.phone,
        },
        Ship: {
          ShipStatus: '1',
          ShipLastName: s.familyName,
          ShipFirstName: s.givenName,
          ShipZipCode: s.postalCode.replace('-', ''),
          ShipPrefecture: s.prefecture,
          ShipCity: s.city,
          ShipAddress1: s.street,
          ShipAddress2: s.building,
          ShipPhoneNumber: s.phone,
          ShipMethodName: '宅急便',
          // Every fourth buyer asks for a day a week on and 14時～16時, as 注文詳細API writes them.
          ...(n % 4 === 0 ? { ShipRequestDate: wishDay(7), ShipRequestTime: '14:00-16:00' } : {}),
          NeedGiftWrap: s.gift ? 'true' : 'false',
          GiftWrapType: s.gift ? 'ギフトボックス' : '',
          GiftWrapMessage: s.gift ? 'いつもありがとう' : '',
        },
        Detail: {
          PayCharge: String(charge),
          ShipCharge: String(ship),
          GiftWrapCharge: String(wrap),
          Discount: '0',
          UsePoint: String(s.points),
          TotalMallCouponDiscount: '0',
          TotalPrice: String(goods + ship + charge + wrap - s.points),
        },
        Item: s.items.map((item, line) => ({
          LineId: String(line + 1),
          ItemId: item.sku.toLowerCase(),
          SubCode: item.sku,
          Title: item.title,
          UnitPrice: String(item.unitPrice),
          Quantity: String(item.quantity),
        })),
      });
      ids.push(id);
    }
    return ids;
  }

  /** A change in ストアクリエイターPro (cancellation, address) moves LastUpdateTime. */
  update(id: string, change: (order: YahooOrderInfo) => void): void {
    const order = this.orders.get(id)!;
    change(order);
    order.LastUpdateTime = jst(Math.max(Date.now(), Date.parse(order.LastUpdateTime!) + 1000));
  }

  protected throttleAnswer(): FakeAnswer {
    return error(429, 'Too Many Requests', 'Too many requests in a short time to the same URL.', {
      'retry-after': '1',
    });
  }

  protected routes(): Route[] {
    const api = (op: string, handle: (req: Req) => FakeAnswer): Route => ({
      op,
      method: 'POST',
      pattern: new RegExp(`^/ShoppingWebService/V1/${op}$`),
      handle: (request) => {
        const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
        const state = this.tokens.check(bearer);
        if (state !== 'valid')
          return error(401, '', state === 'expired' ? 'Access token has expired.' : 'Invalid access token.', {
            'www-authenticate': `Bearer error="invalid_token", error_description="${state === 'expired' ? 'access token expired' : 'invalid access token'}"`,
          });
        let req: Req;
        try {
          req = (parser.parse(request.body) as { Req?: Req }).Req ?? {};
        } catch {
          return error(400, 'od00001', 'リクエストパラメータエラー');
        }
        if (req.SellerId !== this.sellerId) return error(403, 'od00004', 'ストアアカウントが正しくありません。');
        return handle(req);
      },
    });
    return [
      { op: 'token', method: 'POST', pattern: /^\/yconnect\/v2\/token$/, handle: (r) => this.tokens.grant(r.body) },
      api('orderList', (req) => this.list(req)),
      api('orderInfo', (req) => {
        const order = this.orders.get(req.Target?.OrderId ?? '');
        if (!order || !req.Target?.Field) return error(400, 'od00003', '指定された注文が存在しません。');
        const body = builder.build({ OrderInfo: order }) as string;
        return xml(
          200,
          `<ResultSet totalResultsAvailable="1" totalResultsReturned="1" firstResultPosition="1"><Result><Status>OK</Status>${body}</Result></ResultSet>`,
        );
      }),
      api('orderShipStatusChange', (req) => this.ship(req)),
    ];
  }

  private list(req: Req): FakeAnswer {
    const search = req.Search;
    if (!search?.Field) return error(400, 'od00001', 'リクエストパラメータエラー（Field）');
    const from = digitsToMs(search.Condition?.OrderTimeFrom ?? '');
    const to = digitsToMs(search.Condition?.OrderTimeTo ?? '');
    const size = Math.min(Number(search.Result ?? 10), 2000);
    const start = Number(search.Start ?? 1);
    const fields = search.Field.split(',');
    const matching = [...this.orders.values()]
      .filter((o) => {
        const at = Date.parse(o.OrderTime!);
        return (Number.isNaN(from) || at >= from) && (Number.isNaN(to) || at <= to) && o.IsActive === 'true';
      })
      .sort((a, b) => a.OrderTime!.localeCompare(b.OrderTime!) || a.OrderId.localeCompare(b.OrderId));
    const page = matching.slice(start - 1, start - 1 + size).map((o, i) => ({
      Index: start + i,
      ...Object.fromEntries(fields.map((f) => [f, (o as unknown as Record<string, string>)[f] ?? ''])),
    }));
    return xml(
      200,
      `<Result><Status>OK</Status><Search><TotalCount>${matching.length}</TotalCount>${builder.build({ OrderInfo: page }) as string}</Search></Result>`,
    );
  }

  private ship(req: Req): FakeAnswer {
    const order = this.orders.get(req.Target?.OrderId ?? '');
    const ship = req.Order?.Ship;
    if (!order) return error(400, 'od00003', '指定された注文が存在しません。');
    if (ship?.ShipStatus !== '3' || !ship.ShipInvoiceNumber1 || !/^\d{8}$/.test(ship.ShipDate ?? ''))
      return error(400, 'od00001', 'リクエストパラメータエラー（ShipStatus / ShipInvoiceNumber1 / ShipDate）');
    if (order.OrderStatus === '4') return error(400, 'od10014', 'Cannot Be Operated : CancelOrder ShipStatus');
    this.shipments.set(order.OrderId, [
      ...(this.shipments.get(order.OrderId) ?? []),
      { shipCompanyCode: ship.ShipCompanyCode ?? '', invoiceNumber: ship.ShipInvoiceNumber1, shipDate: ship.ShipDate! },
    ]);
    order.Ship = { ...order.Ship, ShipStatus: '3', ShipInvoiceNumber1: ship.ShipInvoiceNumber1 };
    order.LastUpdateTime = jst(Date.now());
    return xml(
      200,
      '<ResultSet totalResultsAvailable="1" totalResultsReturned="1" firstResultPosition="1"><Result><Status>OK</Status></Result></ResultSet>',
    );
  }
}
