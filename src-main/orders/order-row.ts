import type { Channel } from '../../src-shared/domain/channels.js';
import type { NewOrder } from '../../src-shared/domain/order.js';

/** An orders row as `SELECT *` reads it: snake_case columns. */
export type OrderDbRow = Record<string, unknown>;

/**
 * What an order arrived with (a NewOrder, its items aside), read from its orders row. One
 * mapping for the order detail (orders/queries) and for the order a PC sends the server
 * (sync/wire-order), so a column added to both cannot be read two ways.
 */
export function newOrderFields(r: OrderDbRow): Omit<NewOrder, 'items'> {
  const s = (k: string) => String(r[k] ?? '');
  return {
    channel: s('channel') as Channel,
    orderNo: s('order_no'),
    orderedAt: s('ordered_at'),
    buyer: { name: s('buyer_name'), kana: s('buyer_kana'), email: s('buyer_email'), phone: s('buyer_phone') },
    shipTo: {
      name: s('ship_name'),
      postalCode: s('ship_postal_code'),
      prefecture: s('ship_prefecture'),
      address1: s('ship_address1'),
      address2: s('ship_address2'),
      phone: s('ship_phone'),
    },
    paymentMethod: s('payment_method'),
    discount: Number(r.discount),
    shippingFee: Number(r.shipping_fee),
    codFee: Number(r.cod_fee),
    orderComment: s('order_comment'),
    mailInquiry: r.mail_inquiry === 1,
    orderFormDone: r.order_form_done === 1,
    storeId: r.store_id === null || r.store_id === undefined ? null : String(r.store_id),
  };
}
