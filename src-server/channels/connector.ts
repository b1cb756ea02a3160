import type { NewOrder } from '../../src-shared/domain/order.js';

/** The channels whose orders and shipment notices travel by API (N3, N4). */
export const API_CHANNELS = ['amazon', 'yahoo_shopping', 'rakuten'] as const;
export type ApiChannel = (typeof API_CHANNELS)[number];

/** An order's progress at its channel, as far as Chumon acts on it. */
export type ChannelState = 'open' | 'cancelled' | 'shipped';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** One order as a connector read it, already in Chumon's shape. */
export interface ChannelOrder {
  order: NewOrder;
  state: ChannelState;
  /** When the channel last changed the order (ISO, UTC). */
  updatedAt: string;
  /** What a shipment notice needs later (Amazon's order item ids, 楽天's basket ids). */
  shipmentRef: Json;
  /** How the money was made up (points, coupons, fees), for the order's history. */
  breakdown: string;
}

/** A page of orders and the cursor to store in the same transaction. */
export interface FetchPage {
  orders: ChannelOrder[];
  /** The cursor once this page is stored; only a run's last page moves it forward. */
  cursor: Json;
}

export interface FetchContext {
  now: Date;
  /** The orders of this account the server has, each with the channel update it last stored. */
  known(orderNos: readonly string[]): Promise<Map<string, string>>;
}

export interface ShipmentRequest {
  orderNo: string;
  carrier: string;
  trackingNo: string;
  /** ISO date-time of 出荷確定. */
  shippedAt: string;
  shipmentRef: Json;
  paymentMethod: string;
}

/**
 * What became of a shipment notice: the channel took it; refused it (kept with its message
 * for head office); did not take it now (throttled, down: try again later); or the answer
 * was lost after the request left (checked with the channel before anything is resent).
 */
export type ShipmentResult =
  | { kind: 'accepted' }
  | { kind: 'refused'; message: string }
  | { kind: 'retry'; message: string; afterMs?: number }
  | { kind: 'unknown'; message: string };

/** One channel behind one interface: orders in since a cursor, shipments out. */
export interface ChannelConnector {
  fetchOrders(cursor: Json | null, context: FetchContext): AsyncGenerator<FetchPage, void, void>;
  confirmShipment(request: ShipmentRequest): Promise<ShipmentResult>;
  /** Whether the channel already holds this shipment (after an unknown outcome). */
  hasShipment(request: ShipmentRequest): Promise<boolean>;
}

/**
 * The account's credentials are wrong, expired or revoked: this connector stops (with this
 * Japanese message for head office) until new ones are entered; every other one runs on.
 */
export class CredentialError extends Error {
  readonly japanese: string;
  constructor(japanese: string) {
    super(japanese);
    this.japanese = japanese;
  }
}

/** The channel could not be reached or kept failing: the run ends, the next one tries again. */
export class ChannelUnavailableError extends Error {
  readonly japanese: string;
  constructor(japanese: string) {
    super(japanese);
    this.japanese = japanese;
  }
}
