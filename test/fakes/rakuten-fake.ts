import type { RakutenOrderModel } from '../../src-server/channels/rakuten/rakuten-orders.js';
import { FakeChannel, json, type FakeAnswer, type FakeChannelOptions, type Plan, type Route } from './fake-kit.js';
import { shoppers } from './fake-people.js';

/** Chumon's assumed plan (RMS publishes none we could read): five requests a second. */
const PLANS: Record<string, Plan> = {
  searchOrder: { rate: 5, burst: 5 },
  getOrder: { rate: 5, burst: 5 },
  updateOrderShipping: { rate: 5, burst: 5 },
};

/** "2026-11-27T10:30:00+0900", as 楽天 writes dates. */
export function rakutenTime(ms: number): string {
  return `${new Date(ms + 9 * 3_600_000).toISOString().slice(0, 19)}+0900`;
}

const parseTime = (text: string) => Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

const message = (type: 'INFO' | 'ERROR', code: string, text: string, orderNumber?: string) => ({
  messageType: type,
  messageCode: code,
  message: text,
  ...(orderNumber ? { orderNumber } : {}),
});

const refused = (code: string, text: string, status = 400): FakeAnswer =>
  json(status, { MessageModelList: [message('ERROR', code, text)] });

/** getOrder's お届け日指定, お届け時間帯 (0, 1 午前, 2 午後, 9 その他, h1h2), 配送方法, 配送区分, あす楽希望. */
export interface RakutenWish {
  deliveryDate?: string;
  shippingTerm?: number;
  deliveryName?: string;
  deliveryClass?: number;
  asuraku?: boolean;
}

export interface RakutenShipment {
  basketId: number;
  deliveryCompany: string;
  shippingNumber: string;
  shippingDate: string;
}

/**
 * RMS 楽天ペイ受注API as its reference describes it: JSON POSTs to /es/2.0/order/searchOrder/
 * (注文日 range up to 63 days, pages of up to 1,000 order numbers), getOrder/ (up to 100
 * numbers, OrderModelList with 注文者, 送付先 per basket, items, coupons and points) and
 * updateOrderShipping/ (配送会社 and お荷物伝票番号 per basket); the ESA header built from
 * serviceSecret and licenseKey (401 ES01-01 Un-Authorised otherwise); MessageModelList
 * answers; 429 past the assumed plan.
 */
export class RakutenFake extends FakeChannel {
  serviceSecret = 'SP318822_chumon';
  licenseKey = 'SL318822_chumon_license';
  readonly shopId: string;
  readonly orders = new Map<string, RakutenOrderModel>();
  readonly shipments = new Map<string, RakutenShipment[]>();
  private readonly person: ReturnType<typeof shoppers>;
  private serial = 0;

  constructor(options: FakeChannelOptions & { seed?: number; shopId?: string } = {}) {
    super(PLANS, options);
    this.person = shoppers(options.seed ?? 3);
    this.shopId = options.shopId ?? '318822';
  }

  /**
   * New orders (発送待ち) placed `agoMinutes` ago; returns their numbers. `wish`: what the
   * buyer chose at checkout (none unless said; the shop's 配送方法 is 宅配便, 配送区分 普通).
   */
  addOrders(count: number, agoMinutes = 1, wish: RakutenWish = {}): string[] {
    const numbers: string[] = [];
    for (let i = 0; i < count; i++) {
      const n = ++this.serial;
      const s = this.person(n);
      const at = Date.now() - agoMinutes * 60_000;
      const orderNumber = `${this.shopId}-${rakutenTime(at).slice(0, 10).replace(/-/g, '')}-${String(n).padStart(10, '0')}`;
      const [zip1, zip2] = s.postalCode.split('-');
      const phone = s.phone.split('-');
      const person = {
        zipCode1: zip1,
        zipCode2: zip2,
        prefecture: s.prefecture,
        city: s.city,
        subAddress: `${s.street} ${s.building}`.trim(),
        familyName: s.familyName,
        firstName: s.givenName,
        familyNameKana: s.familyKana,
        firstNameKana: s.givenKana,
        phoneNumber1: phone[0],
        phoneNumber2: phone[1],
        phoneNumber3: phone[2],
      };
      const goods = s.items.reduce((t, item) => t + item.unitPrice * item.quantity, 0);
      const postage = goods >= 5000 ? 0 : 550;
      const cod = s.cod ? 330 : 0;
      const coupon = s.points >= 300 ? 300 : 0;
      const points = s.points - coupon;
      this.orders.set(orderNumber, {
        orderNumber,
        orderProgress: 300,
        orderDatetime: rakutenTime(at),
        shopOrderCfmDatetime: rakutenTime(at + 30_000),
        remarks: s.comment ? `[配送日時指定:]\n${s.comment}` : '',
        giftCheckFlag: s.gift ? 1 : 0,
        deliveryDate: wish.deliveryDate ?? null,
        shippingTerm: wish.shippingTerm ?? 0,
        asurakuFlag: wish.asuraku ? 1 : 0,
        DeliveryModel: { deliveryName: wish.deliveryName ?? '宅配便', deliveryClass: wish.deliveryClass ?? 1 },
        goodsPrice: goods,
        postagePrice: postage,
        deliveryPrice: cod,
        totalPrice: goods + postage + cod,
        requestPrice: goods + postage + cod - coupon - points,
        couponAllTotalPrice: coupon,
        OrdererModel: { ...person, emailAddress: `${n}.chumon@pc.fw.rakuten.ne.jp` },
        SettlementModel: { settlementMethod: s.cod ? '代金引換' : 'クレジットカード' },
        PointModel: { usedPoint: points },
        WrappingModel1: s.gift ? { name: '包装紙（楽天オリジナル）', price: 0 } : null,
        PackageModelList: [
          {
            basketId: 100_000_000 + n,
            noshi: s.gift ? '御祝' : '',
            SenderModel: person,
            ItemModelList: s.items.map((item, line) => ({
              itemDetailId: 200_000_000 + n * 10 + line,
              itemName: item.title,
              itemNumber: item.sku,
              manageNumber: item.sku.toLowerCase(),
              price: item.unitPrice,
              priceTaxIncl: item.unitPrice,
              units: item.quantity,
              selectedChoice: '',
              SkuModelList: [{ merchantDefinedSkuId: item.sku }],
            })),
            ShippingModelList: [],
          },
        ],
      });
      numbers.push(orderNumber);
    }
    return numbers;
  }

  protected throttleAnswer(): FakeAnswer {
    return json(
      429,
      { Results: { errorCode: 'TooManyRequests', message: 'Too Many Requests' } },
      { 'retry-after': '1' },
    );
  }

  private authorised(header: string | string[] | undefined): boolean {
    const expected = `ESA ${Buffer.from(`${this.serviceSecret}:${this.licenseKey}`).toString('base64')}`;
    return header === expected;
  }

  protected routes(): Route[] {
    const api = (op: string, handle: (body: Record<string, unknown>) => FakeAnswer): Route => ({
      op,
      method: 'POST',
      pattern: new RegExp(`^/es/2\\.0/order/${op}/$`),
      handle: (request) => {
        if (!this.authorised(request.headers.authorization))
          return json(401, { Results: { errorCode: 'ES01-01', message: 'Un-Authorised' } });
        try {
          return handle(JSON.parse(request.body) as Record<string, unknown>);
        } catch {
          return json(400, { Results: { errorCode: 'ES04-01', message: 'Bad Request' } });
        }
      },
    });
    return [
      api('searchOrder', (body) => this.search(body)),
      api('getOrder', (body) => {
        const numbers = (body.orderNumberList as string[] | undefined) ?? [];
        if (numbers.length === 0 || numbers.length > 100)
          return refused('ORDER_EXT_API_GET_ORDER_ERROR_003', '注文番号は1件以上100件以下で指定してください。');
        const found = numbers.flatMap((no) => (this.orders.has(no) ? [this.orders.get(no)!] : []));
        return json(200, {
          MessageModelList: numbers.map((no) =>
            this.orders.has(no)
              ? message('INFO', 'ORDER_EXT_API_GET_ORDER_INFO_101', '受注情報取得に成功しました。', no)
              : message('ERROR', 'ORDER_EXT_API_GET_ORDER_ERROR_005', '指定された注文番号は存在しません。', no),
          ),
          OrderModelList: found,
        });
      }),
      api('updateOrderShipping', (body) => this.ship(body)),
    ];
  }

  private search(body: Record<string, unknown>): FakeAnswer {
    const from = parseTime(String(body.startDatetime ?? ''));
    const to = parseTime(String(body.endDatetime ?? ''));
    if (Number.isNaN(from) || Number.isNaN(to) || body.dateType !== 1)
      return refused('ORDER_EXT_API_SEARCH_ORDER_ERROR_001', '期間の指定が正しくありません。');
    if (to - from > 63 * 86_400_000)
      return refused('ORDER_EXT_API_SEARCH_ORDER_ERROR_002', '検索期間は63日以内で指定してください。');
    const paging = (body.PaginationRequestModel ?? {}) as { requestRecordsAmount?: number; requestPage?: number };
    const size = paging.requestRecordsAmount ?? 30;
    if (size < 30 || size > 1000)
      return refused('ORDER_EXT_API_SEARCH_ORDER_ERROR_003', '取得件数は30件以上1000件以下で指定してください。');
    const progress = new Set((body.orderProgressList as number[] | undefined) ?? []);
    const matching = [...this.orders.values()]
      .filter((o) => {
        const at = parseTime(o.orderDatetime);
        return at >= from && at <= to && (progress.size === 0 || progress.has(o.orderProgress));
      })
      .sort((a, b) => a.orderDatetime.localeCompare(b.orderDatetime) || a.orderNumber.localeCompare(b.orderNumber));
    const page = paging.requestPage ?? 1;
    return json(200, {
      MessageModelList: [message('INFO', 'ORDER_EXT_API_SEARCH_ORDER_INFO_101', '注文検索に成功しました。')],
      orderNumberList: matching.slice((page - 1) * size, page * size).map((o) => o.orderNumber),
      PaginationResponseModel: {
        totalRecordsAmount: matching.length,
        totalPages: Math.ceil(matching.length / size),
        requestPage: page,
      },
    });
  }

  private ship(body: Record<string, unknown>): FakeAnswer {
    const order = this.orders.get(String(body.orderNumber ?? ''));
    if (!order) return refused('ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_001', '指定された注文番号は存在しません。');
    if (order.orderProgress >= 800)
      return refused(
        'ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_014',
        'キャンセルされた注文の発送情報は更新できません。',
      );
    const baskets =
      (body.BasketidModelList as { basketId: number; ShippingModelList: Omit<RakutenShipment, 'basketId'>[] }[]) ?? [];
    const known = new Set((order.PackageModelList ?? []).map((p) => p.basketId));
    const entries = baskets.flatMap((b) => b.ShippingModelList.map((s) => ({ ...s, basketId: b.basketId })));
    if (entries.length === 0 || entries.some((e) => !known.has(e.basketId)))
      return refused('ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_002', '送付先IDが正しくありません。');
    if (
      entries.some(
        (e) => !/^\d{4}$/.test(e.deliveryCompany) || !e.shippingNumber || !/^\d{4}-\d{2}-\d{2}$/.test(e.shippingDate),
      )
    )
      return refused(
        'ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_004',
        '配送会社・お荷物伝票番号・発送日を確認してください。',
      );
    this.shipments.set(order.orderNumber, [...(this.shipments.get(order.orderNumber) ?? []), ...entries]);
    for (const p of order.PackageModelList ?? [])
      p.ShippingModelList = [
        ...(p.ShippingModelList ?? []),
        ...entries
          .filter((e) => e.basketId === p.basketId)
          .map((e) => ({ shippingNumber: e.shippingNumber, deliveryCompany: e.deliveryCompany })),
      ];
    order.orderProgress = 500;
    order.shippingCmplRptDatetime = rakutenTime(Date.now());
    return json(200, {
      MessageModelList: [
        message(
          'INFO',
          'ORDER_EXT_API_UPDATE_ORDERSHIPPING_INFO_101',
          '発送情報の更新に成功しました。',
          order.orderNumber,
        ),
      ],
    });
  }
}
