import { LABEL_FORMAT_INFO } from '../../src-shared/api/carriers.js';
import {
  CARRIER_SERVICES,
  SERVICE_LABELS,
  refuseWish,
  serviceOf,
  type DeliveryService,
  type DeliveryWish,
} from '../../src-shared/domain/delivery-wishes.js';
import type { PrintOrder } from '../printing/print-data.js';
import type { LabelLayout, Parcel } from './label-columns.js';

/** The services a carrier's file can carry; the first is what an order without a 配送方法 goes as. */
const servicesOf = (layout: LabelLayout): readonly DeliveryService[] => CARRIER_SERVICES[layout.carrier];

/** The order's 配送希望 and the service its 配送方法 names (the carrier's usual one when it names none). */
export function parcelWish(layout: LabelLayout, order: PrintOrder): { wish: DeliveryWish; service: DeliveryService } {
  const wish = {
    date: order.deliveryDate ?? '',
    timeSlot: order.deliveryTimeSlot ?? '',
    method: order.deliveryMethod ?? '',
  };
  return { wish, service: serviceOf(wish.method) ?? servicesOf(layout)[0]! };
}

/**
 * Why this carrier's file cannot carry the parcel's wish (a service the carrier lacks, a
 * day in the past, a slot the service has not), or null. `shipDate` is YYYY-MM-DD.
 */
export function wishRefusal(layout: LabelLayout, parcel: Parcel, shipDate: string): string | null {
  if (!servicesOf(layout).includes(parcel.service)) {
    return `配送方法「${parcel.wish.method}」（${SERVICE_LABELS[parcel.service]}）は${LABEL_FORMAT_INFO[layout.format].label}では出せません。配送方法を変えるか、その配送業者の送り状ソフトで出力してください。`;
  }
  return refuseWish(parcel.wish, parcel.service, shipDate, parcel.cod);
}
