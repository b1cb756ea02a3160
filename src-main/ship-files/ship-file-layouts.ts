import { amazonCarrier, numberedCarrier } from '../../src-shared/domain/channel-carrier-codes.js';
import { CARRIER_LABELS, isCarrier } from '../../src-shared/domain/carriers.js';
import type { ShipFileChannel } from '../../src-shared/api/ship-files.js';
import { jstToday } from '../../src-shared/text/jst.js';

/** One shipped order as an upload file row needs it. */
export interface ShippedOrder {
  orderNo: string;
  carrier: string;
  trackingNo: string;
  shippedAt: string;
}

export interface ShipFileLayout {
  fileName: string;
  /** Tab-separated flat file (Amazon) or quoted CSV (Yahoo!, 楽天). */
  separator: '\t' | ',';
  header: readonly string[];
  row: (order: ShippedOrder) => string[];
}

const shipDay = (o: ShippedOrder) => jstToday(new Date(o.shippedAt));
const carrierName = (carrier: string) => (isCarrier(carrier) ? CARRIER_LABELS[carrier] : carrier);

/**
 * Each channel's shipment upload file. Amazon: the ShippingConfirmation flat file (one row
 * per order; order-item-id and quantity left empty confirm every item of the order).
 * Yahoo!ショッピング 出荷情報 and 楽天 発送完了: the columns this app assumes (README), the
 * carrier numbered as the channels' APIs number it (1001 ヤマト運輸, 1002 佐川急便, 1003 日本郵便).
 */
export const SHIP_FILE_LAYOUTS: Record<ShipFileChannel, ShipFileLayout> = {
  amazon: {
    fileName: 'Amazon出荷通知',
    separator: '\t',
    header: [
      'order-id',
      'order-item-id',
      'quantity',
      'ship-date',
      'carrier-code',
      'carrier-name',
      'tracking-number',
      'ship-method',
    ],
    row: (o) => {
      const { carrierCode } = amazonCarrier(o.carrier);
      // carrier-name is read only with carrier-code Other.
      const name = carrierCode === 'Other' ? carrierName(o.carrier) : '';
      return [o.orderNo, '', '', shipDay(o), carrierCode, name, o.trackingNo, ''];
    },
  },
  yahoo_shopping: {
    fileName: 'Yahooショッピング出荷情報',
    separator: ',',
    header: ['OrderId', 'ShipStatus', 'ShipCompanyCode', 'ShipInvoiceNumber1', 'ShipDate'],
    // ShipStatus 3: 出荷済み.
    row: (o) => [o.orderNo, '3', numberedCarrier(o.carrier), o.trackingNo, shipDay(o).replace(/-/g, '')],
  },
  rakuten: {
    fileName: '楽天発送完了',
    separator: ',',
    header: ['注文番号', 'お荷物伝票番号', '配送会社', '発送日'],
    row: (o) => [o.orderNo, o.trackingNo, numberedCarrier(o.carrier), shipDay(o).replace(/-/g, '/')],
  },
};
