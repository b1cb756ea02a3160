import { describe, expect, it } from 'vitest';
import type { Masters } from '../../../src-shared/api/app.js';
import { HISTORY_KIND_LABELS, historyText } from '../../../src-renderer/src/features/detail/history-text.js';
import { asciiIdentifiers } from '../../helpers/ascii-identifiers.js';

const masters: Masters = {
  stores: [{ id: 'tokyo', name: '東京店', isHeadOffice: false }],
  paymentMethods: [],
  subStatuses: [{ id: 3, mainStatus: 'shipped', name: '再配達', color: '#cc0000', sortOrder: 1, retired: false }],
};

/** Each kind with the values its writers store (S2). */
const WRITTEN: { kind: string; from: string | null; to: string | null }[] = [
  { kind: 'create', from: null, to: 'new' },
  { kind: 'intake', from: null, to: 'new' },
  { kind: 'import_update', from: null, to: '送料、合計' },
  { kind: 'status', from: 'new', to: 'stock_confirmed' },
  { kind: 'sub_status', from: null, to: '3' },
  { kind: 'store', from: null, to: 'tokyo' },
  { kind: 'carrier', from: null, to: 'yamato' },
  { kind: 'tracking', from: null, to: '1234-5678-9012' },
  { kind: 'unit_price', from: '1000', to: '1200' },
  { kind: 'discount', from: '0', to: '100' },
  { kind: 'shipping_fee', from: '0', to: '600' },
  { kind: 'cod_fee', from: '0', to: '330' },
  { kind: 'subtotal', from: '1000', to: '1200' },
  { kind: 'total', from: '1000', to: '1800' },
  { kind: 'order_comment', from: '', to: '急ぎ' },
  { kind: 'staff_comment', from: '', to: '再配達の希望あり' },
  { kind: 'bundle', from: null, to: '0f3a9c2e' },
  { kind: 'buyer_rating', from: 'しない', to: 'する' },
  { kind: 'rating', from: 'しない', to: 'する' },
  { kind: 'print', from: null, to: 'picking' },
  { kind: 'print', from: null, to: 'delivery_note' },
  { kind: 'mail', from: null, to: 'shipped' },
  { kind: 'mail_state', from: null, to: '送信済' },
  { kind: 'pii_purge', from: null, to: null },
];

describe('the history in 注文詳細', () => {
  it('names every kind written, and its values, in Japanese', () => {
    const kinds = new Set(WRITTEN.map((w) => w.kind));
    expect([...kinds].sort()).toEqual(Object.keys(HISTORY_KIND_LABELS).sort());
    for (const entry of WRITTEN) {
      const text = historyText({ ...entry, storeId: null, pcId: 'server' }, masters);
      expect(asciiIdentifiers(Object.values(text).join(' ')), JSON.stringify(entry)).toEqual([]);
    }
  });

  it('says what was done in the manual words', () => {
    const row = (kind: string, from: string | null, to: string | null) =>
      historyText({ kind, from, to, storeId: 'tokyo', pcId: 'PC-1' }, masters);
    expect(row('create', null, 'new')).toEqual({ place: '東京店 / PC-1', item: '新規登録', from: '', to: '新規' });
    expect(row('print', null, 'picking')).toMatchObject({ item: 'ピッキングリスト発行', to: '印刷済み' });
    expect(row('print', null, 'delivery_note')).toMatchObject({ item: '納品書発行' });
    expect(row('mail', null, 'shipped')).toMatchObject({ item: '発送完了メール', to: '送信済' });
    expect(row('buyer_rating', 'しない', 'する')).toMatchObject({ item: '落札者評価', from: 'しない', to: 'する' });
    expect(row('pii_purge', null, null)).toMatchObject({ item: '個人情報削除', from: '', to: '' });
    expect(row('sub_status', null, '3')).toMatchObject({ item: 'サブステータス', to: '再配達' });
    expect(row('total', '1000', '1800')).toMatchObject({ from: '¥1,000', to: '¥1,800' });
  });

  it('never shows an internal name, even of a kind it does not know, or the server as a PC id', () => {
    const text = historyText({ kind: 'future_kind', from: null, to: null, storeId: null, pcId: 'server' }, masters);
    expect(text).toEqual({ place: '本部 / サーバー', item: '変更', from: '', to: '' });
  });
});
