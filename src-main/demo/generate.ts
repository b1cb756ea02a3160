import type { Carrier } from '../../src-shared/domain/carriers.js';
import type { Channel } from '../../src-shared/domain/channels.js';
import type { NewOrder, OrderItem } from '../../src-shared/domain/order.js';
import type { MainStatus } from '../../src-shared/domain/status.js';
import type { InitialState } from '../orders/writer.js';
import { BUILDINGS, DEMO_STORES, FAMILY_NAMES, GIVEN_NAMES, ORDER_COMMENTS, PLACES, PRODUCTS } from './vocabulary.js';

/** A small deterministic PRNG (mulberry32), so the same seed gives the same demo data. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted<T> = readonly (readonly [T, number])[];

const CHANNEL_WEIGHTS: Weighted<Channel> = [
  ['yahoo_auction', 30],
  ['yahoo_shopping', 25],
  ['amazon', 25],
  ['rakuten', 15],
  ['own', 5],
];

const PAYMENTS: Record<Channel, Weighted<string>> = {
  yahoo_auction: [
    ['yahoo_easy_payment', 60],
    ['bank_transfer', 30],
    ['cod', 10],
  ],
  yahoo_shopping: [
    ['credit_card', 50],
    ['bank_transfer', 20],
    ['convenience_store', 15],
    ['cod', 15],
  ],
  amazon: [
    ['amazon_pay', 90],
    ['cod', 10],
  ],
  rakuten: [
    ['rakuten_pay', 60],
    ['bank_transfer', 25],
    ['cod', 15],
  ],
  own: [
    ['credit_card', 40],
    ['bank_transfer', 30],
    ['cod', 15],
    ['deferred', 15],
  ],
};

/** Status mix of a store's database: most orders are long shipped (S1 tabs, 100k in 新規 at 1M). */
const STATUS_WEIGHTS: Weighted<MainStatus> = [
  ['new', 10],
  ['stock_confirmed', 5],
  ['out_of_stock', 2],
  ['paid', 6],
  ['awaiting_shipment', 4],
  ['shipped', 70],
  ['cancelled', 3],
];

const CARRIER_WEIGHTS: Weighted<Carrier> = [
  ['yamato', 55],
  ['sagawa', 30],
  ['japanpost', 15],
];

export interface DemoOrder {
  order: NewOrder;
  initial: InitialState;
}

export class DemoGenerator {
  private readonly random: () => number;

  constructor(
    seed: number,
    private readonly now: Date,
    /** Orders spread over this many days before `now`. */
    private readonly days: number,
  ) {
    this.random = createRandom(seed);
  }

  private int(maxExclusive: number): number {
    return Math.floor(this.random() * maxExclusive);
  }

  private pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)]!;
  }

  private weighted<T>(list: Weighted<T>): T {
    const total = list.reduce((s, [, w]) => s + w, 0);
    let r = this.random() * total;
    for (const [value, weight] of list) {
      r -= weight;
      if (r < 0) return value;
    }
    return list[list.length - 1]![0];
  }

  private orderNo(channel: Channel, n: number, at: Date): string {
    const ymd = at.toISOString().slice(0, 10).replace(/-/g, '');
    const pad = (v: number, w: number) => String(v).padStart(w, '0');
    switch (channel) {
      case 'yahoo_auction':
        return `${this.pick(['b', 'c', 'd', 'g', 'k', 'm', 'n', 'x'])}${pad(1_000_000_000 + n, 10)}`;
      case 'yahoo_shopping':
        return `chumon-store-${pad(10_000_000 + n, 8)}`;
      case 'amazon':
        return `${pad(249 + (n % 9) * 100, 3)}-${pad(n % 10_000_000, 7)}-${pad(this.int(10_000_000), 7)}`;
      case 'rakuten':
        return `318822-${ymd}-${pad(n, 10)}`;
      case 'own':
        return `C${ymd}${pad(n, 7)}`;
      default: {
        const unreachable: never = channel;
        return String(unreachable);
      }
    }
  }

  private items(): OrderItem[] {
    // 1 to 5 lines, 3 on average would need a skew: most orders have 2–4 lines.
    const lines = this.weighted([
      [1, 15],
      [2, 20],
      [3, 30],
      [4, 20],
      [5, 15],
    ] as const);
    const used = new Set<number>();
    const items: OrderItem[] = [];
    while (items.length < lines) {
      const p = this.int(PRODUCTS.length);
      if (used.has(p)) continue;
      used.add(p);
      const [sku, title, unitPrice, location] = PRODUCTS[p]!;
      items.push({
        lineNo: items.length + 1,
        sku,
        title,
        quantity: this.weighted([
          [1, 70],
          [2, 20],
          [3, 10],
        ] as const),
        unitPrice,
        location,
      });
    }
    return items;
  }

  /** Random-looking, and unique per order: its last eight digits are the order's own number n. */
  private trackingNo(carrier: Carrier, n: number): string {
    const digits = (count: number) => Array.from({ length: count }, () => this.int(10)).join('');
    const number = digits(12).slice(0, 4) + String(n % 100_000_000).padStart(8, '0');
    return carrier === 'japanpost' ? `${number.slice(0, 4)}-${number.slice(4, 8)}-${number.slice(8)}` : number;
  }

  /** The n-th demo order (n is unique per generator and makes order numbers unique). */
  next(n: number): DemoOrder {
    const status = this.weighted(STATUS_WEIGHTS);
    // Open orders are recent; shipped and cancelled ones spread over the whole period.
    const active = status !== 'shipped' && status !== 'cancelled';
    const span = active ? Math.min(this.days, 21) : this.days;
    const orderedAt = new Date(this.now.getTime() - this.random() * span * 86_400_000);
    const channel = this.weighted(CHANNEL_WEIGHTS);
    const [family, familyKana] = this.pick(FAMILY_NAMES);
    const [given, givenKana] = this.pick(GIVEN_NAMES);
    const [prefecture, town, postalCode] = this.pick(PLACES);
    const building = this.pick(BUILDINGS);
    const phone = `0${this.int(9) + 1}0-${String(this.int(10000)).padStart(4, '0')}-${String(this.int(10000)).padStart(4, '0')}`;
    const email =
      channel === 'amazon'
        ? `${Math.floor(this.random() * 1e12).toString(36)}@marketplace.amazon.co.jp`
        : `${familyKana.length}${n.toString(36)}@example.jp`;
    const paymentMethod = this.weighted(PAYMENTS[channel]);
    const name = `${family} ${given}`;
    const order: NewOrder = {
      channel,
      orderNo: this.orderNo(channel, n, orderedAt),
      orderedAt: orderedAt.toISOString(),
      buyer: { name, kana: `${familyKana} ${givenKana}`, email, phone },
      shipTo: {
        name,
        postalCode,
        prefecture,
        address1: `${town}${this.int(5) + 1}丁目${this.int(20) + 1}番${this.int(15) + 1}号`,
        address2: building ? `${building} ${this.int(9) + 1}0${this.int(9) + 1}号室` : '',
        phone,
      },
      paymentMethod,
      items: this.items(),
      discount: this.random() < 0.1 ? 100 * (this.int(5) + 1) : 0,
      shippingFee: this.pick([0, 550, 770, 880]),
      codFee: paymentMethod === 'cod' ? 330 : 0,
      orderComment: this.random() < 0.12 ? this.pick(ORDER_COMMENTS) : '',
      mailInquiry: this.random() < 0.05,
      orderFormDone: channel !== 'yahoo_auction' || !active || this.random() > 0.25,
      storeId: this.random() < 0.9 ? this.pick(DEMO_STORES).id : null,
    };
    return { order, initial: this.initialState(status, orderedAt, n) };
  }

  private initialState(status: MainStatus, orderedAt: Date, n: number): InitialState {
    const dayAfter = (d: number) =>
      new Date(Math.min(orderedAt.getTime() + d * 86_400_000, this.now.getTime())).toISOString();
    const paid = status === 'paid' || status === 'awaiting_shipment' || status === 'shipped';
    const carrier = status === 'awaiting_shipment' || status === 'shipped' ? this.weighted(CARRIER_WEIGHTS) : null;
    return {
      status,
      paidAt: paid ? dayAfter(1) : null,
      shippedAt: status === 'shipped' ? dayAfter(3) : null,
      cancelledAt: status === 'cancelled' ? dayAfter(1) : null,
      carrier,
      trackingNo: carrier ? this.trackingNo(carrier, n) : null,
      // Old mails have gone out; a few recent ones are waiting (メール未送信).
      mailSent: this.random() > 0.15,
    };
  }
}
