import { isCarrier, type Carrier } from './carriers.js';

/** Amazon's carrier codes for Japan (confirmShipment's carrierCode). */
const AMAZON: Record<Carrier, string> = {
  yamato: 'Yamato Transport',
  sagawa: 'Sagawa Express',
  japanpost: 'Japan Post',
};

/**
 * Yahoo!ショッピング's ShipCompanyCode and 楽天's deliveryCompany number the carriers alike
 * (1001 ヤマト運輸, 1002 佐川急便, 1003 日本郵便; 1000 その他).
 */
const NUMBERED: Record<Carrier, string> = { yamato: '1001', sagawa: '1002', japanpost: '1003' };

export function amazonCarrier(carrier: string): { carrierCode: string } {
  return { carrierCode: isCarrier(carrier) ? AMAZON[carrier] : 'Other' };
}

export function numberedCarrier(carrier: string): string {
  return isCarrier(carrier) ? NUMBERED[carrier] : '1000';
}
