import { describe, expect, it } from 'vitest';
import {
  CHANGE_KINDS,
  LOCAL_KINDS,
  SERVER_KINDS,
  historyLabel,
  historyValue,
  type ChangeKind,
} from '../../../src-shared/domain/change-kinds.js';
import { MAIN_STATUSES } from '../../../src-shared/domain/status.js';
import { CHANGE_BODIES } from '../../../src-shared/sync/change-bodies.js';

/** Internal identifiers are ASCII words; what a clerk reads has none (numbers and ¥ aside). */
const LATIN = /[A-Za-z_]/;

/** The raw values each kind's history rows hold, as the services write them. */
const SAMPLES: Record<ChangeKind, (string | null)[]> = {
  create: [null, 'new'],
  status: [...MAIN_STATUSES],
  sub_status: ['3', null],
  store: ['tokyo', null],
  buyer_rating: ['する', 'しない'],
  unit_price: ['1200', '1500'],
  discount: ['0', '100'],
  shipping_fee: ['500'],
  cod_fee: ['330'],
  subtotal: ['2400'],
  total: ['2800'],
  order_comment: ['熨斗をお願いします', ''],
  staff_comment: ['発送前に電話'],
  delivery_wish: ['12/24 午前中 宅急便', ''],
  ship_to: ['お届け先郵便番号 150-0001／お届け先住所 渋谷1-1', 'お届け先住所2 （なし）'],
  bundle: ['3f2a9c1e-0000-4000-8000-000000000000', null],
  split: ['1001', '1001-2'],
  resend: [null],
  import_update: ['購入者名、送料'],
  mail: [null, 'shipped', 'paid', 'stock_confirmed'],
  mail_state: ['paid'],
  print: [null, 'picking', 'delivery_note'],
  ship_notice_file: ['file'],
  packing: ['1/2', '検品済'],
  pii_purge: [null],
  intake: [null, 'new'],
  ship_notice: ['pending', 'sent', 'error', 'file'],
  channel_update: ['お届け先住所を変更'],
  channel_conflict: ['チャネル側でキャンセルされましたが、店舗ではすでに出荷待ちです'],
};

const names = { subStatus: (id: string) => (id === '3' ? '要確認' : undefined), store: () => '東京店' };

describe('change kinds as the clerk reads them', () => {
  it.each(CHANGE_KINDS)('%s: the history shows its kind and values in Japanese only', (kind) => {
    for (const value of SAMPLES[kind]) {
      const label = historyLabel(kind, value);
      expect(label, `${kind} ${value}`).not.toBe('');
      expect(label, `${kind} ${value}`).not.toMatch(LATIN);
      expect(historyValue(kind, value, names), `${kind} ${value}`).not.toMatch(LATIN);
    }
  });

  it('never shows an unknown kind by its internal name', () => {
    expect(historyLabel('rating', 'x')).toBe('変更');
  });

  it('gives every kind that travels its wire schema, and no other', () => {
    const stays = [...LOCAL_KINDS, ...SERVER_KINDS] as readonly string[];
    const travelling = CHANGE_KINDS.filter((k) => !stays.includes(k));
    expect(Object.keys(CHANGE_BODIES).sort()).toEqual([...travelling].sort());
  });
});
