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
 * Each channel's shipment upload file (sources: docs/channels.md, 出荷通知ファイル). Amazon: the
 * ShippingConfirmation flat file (one row per order; order-item-id and quantity left empty
 * confirm every item of the order). The carrier is numbered as the channels' APIs number it
 * (1001 ヤマト運輸, 1002 佐川急便, 1003 日本郵便).
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
  // No public description of ストアクリエイターPro's upload file was found: the column names are
  // the 出荷ステータス変更API's fields (https://developer.yahoo.co.jp/webapi/shopping/orderShipStatusChange.html).
  yahoo_shopping: {
    fileName: 'Yahooショッピング出荷情報',
    separator: ',',
    header: ['OrderId', 'ShipStatus', 'ShipCompanyCode', 'ShipInvoiceNumber1', 'ShipDate'],
    // ShipStatus 3: 出荷済み.
    row: (o) => [o.orderNo, '3', numberedCarrier(o.carrier), o.trackingNo, shipDay(o).replace(/-/g, '')],
  },
  // RMS 楽天ペイ 発送情報の一括登録 (CSV): 注文番号, 送付先ID (needed only to pick one of several
  // 送付先), 発送明細ID (only to correct a registered shipment), お荷物伝票番号, 配送会社, 発送日
  // (yyyy-mm-dd). RMS's manual is not public; the columns as public tools that upload it write them:
  // https://github.com/jmleejake/csvProject/blob/HEAD/ArakuWeb/src/main/java/jp/prj/araku/file/vo/RCSVDownVO.java
  rakuten: {
    fileName: '楽天発送完了',
    separator: ',',
    header: ['注文番号', '送付先ID', '発送明細ID', 'お荷物伝票番号', '配送会社', '発送日'],
    row: (o) => [o.orderNo, '', '', o.trackingNo, numberedCarrier(o.carrier), shipDay(o)],
  },
};
