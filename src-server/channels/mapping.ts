import type { NewOrder, ShipTo } from '../../src-shared/domain/order.js';
import type { ApiChannel } from './connector.js';

/** Integer yen from a channel's amount ("1980.00", "1980", 1980); absent is 0. */
export function yen(value: string | number | null | undefined): number {
  const n = typeof value === 'number' ? value : Number(value ?? 0);
  return Number.isFinite(n) ? Math.round(n) : 0;
}

/** 1234567, 123-4567, １２３－４５６７ → 123-4567; anything else as it came. */
export function postalCode(value: string | null | undefined): string {
  const digits = (value ?? '').normalize('NFKC').replace(/[^0-9]/g, '');
  return digits.length === 7 ? `${digits.slice(0, 3)}-${digits.slice(3)}` : (value ?? '').trim();
}

/** Parts joined with one space, empty parts left out (姓 + 名, 建物 + 部屋). */
export function joined(...parts: (string | null | undefined)[]): string {
  return parts
    .map((p) => (p ?? '').trim())
    .filter(Boolean)
    .join(' ');
}

/** A money component for the order's history: "ポイント利用 300円". Zero ones are left out. */
export function breakdownOf(parts: [string, number][]): string {
  return parts
    .filter(([, amount]) => amount !== 0)
    .map(([label, amount]) => `${label} ${amount.toLocaleString('ja-JP')}円`)
    .join('・');
}

/** Comment lines the store must see (buyer's comment, gift wishes), blank ones left out. */
export function commentOf(...lines: (string | null | undefined)[]): string {
  return lines
    .map((l) => (l ?? '').trim())
    .filter(Boolean)
    .join('\n');
}

/** Comparable text of a ship-to: a channel-side address edit shows as a new digest. */
export function shipToDigest(shipTo: ShipTo): string {
  return JSON.stringify([
    shipTo.name,
    shipTo.postalCode,
    shipTo.prefecture,
    shipTo.address1,
    shipTo.address2,
    shipTo.phone,
  ]);
}

/** What a connector reads from its channel: a NewOrder without the store's own marks. */
type OrderParts = Omit<NewOrder, 'channel' | 'mailInquiry' | 'orderFormDone' | 'storeId'> & {
  channel: ApiChannel;
};

/** The NewOrder a connector hands on (money never negative; the store assigns itself later). */
export function newOrder(parts: OrderParts): NewOrder {
  return {
    ...parts,
    orderedAt: new Date(parts.orderedAt).toISOString(),
    discount: Math.max(0, parts.discount),
    shippingFee: Math.max(0, parts.shippingFee),
    codFee: Math.max(0, parts.codFee),
    mailInquiry: false,
    orderFormDone: true,
    storeId: null,
  };
}

/** Japan time digits of an instant: 20261127103000 (Yahoo!'s conditions, dates of shipment). */
export function jstDigits(at: Date | string): string {
  const t = typeof at === 'string' ? Date.parse(at) : at.getTime();
  return new Date(t + 9 * 3_600_000)
    .toISOString()
    .replace(/[^0-9]/g, '')
    .slice(0, 14);
}

/** A channel's Japan-time stamp as ISO UTC: "2026-11-27T10:30:00+09:00", "+0900" or bare digits. */
export function fromJst(text: string): string {
  const digits = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text.trim());
  if (digits) {
    const [, y, mo, d, h, mi, s] = digits;
    return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}+09:00`).toISOString();
  }
  const normalised = text.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const parsed = Date.parse(/[zZ]|[+-]\d{2}:\d{2}$/.test(normalised) ? normalised : `${normalised}+09:00`);
  return Number.isFinite(parsed) ? new Date(parsed).toISOString() : new Date(0).toISOString();
}
