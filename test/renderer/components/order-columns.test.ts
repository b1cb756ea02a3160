import { describe, expect, it } from 'vitest';
import type { OrderRow } from '../../../src-shared/domain/order.js';
import { pendingMail, reminderReason } from '../../../src-renderer/src/components/order-columns.js';
import { columnsOf } from '../../../src-renderer/src/state/list-view.js';
import { extractionOf } from '../../../src-renderer/src/features/extraction/items.js';

const NOW = Date.parse('2026-06-20T03:00:00Z');
const days = { unpaid: 7, orderForm: 3 };

function row(over: Partial<OrderRow>): OrderRow {
  return {
    id: 1,
    orderNo: 'R-1',
    orderedAt: '2026-06-10T03:00:00Z',
    channel: 'rakuten',
    buyerName: '山田 太郎',
    total: 3000,
    amountsUnknown: 0,
    paymentMethod: 'bank',
    subStatusId: null,
    storeId: null,
    shipNotice: null,
    status: 'new',
    mailPending: 0,
    needsPayment: 1,
    orderFormDone: 1,
    buyerRating: 0,
    mailInquiry: 0,
    orderComment: '',
    staffComment: '',
    piiPurgedAt: null,
    remindedAt: null,
    reminderCount: 0,
    deliveryDate: '',
    deliveryTimeSlot: '',
    deliveryMethod: '',
    ...over,
  };
}

describe('a list says why each row is in it', () => {
  it('催促の理由: which reminder is due and by how many days', () => {
    expect(reminderReason(row({}), days, NOW)).toBe('未入金（3日超過）');
    expect(reminderReason(row({ needsPayment: 0, orderFormDone: 0 }), days, NOW)).toBe(
      'オーダーフォーム未入力（7日超過）',
    );
    expect(reminderReason(row({ orderFormDone: 0 }), days, NOW)).toBe(
      '未入金（3日超過）・オーダーフォーム未入力（7日超過）',
    );
    // Reminded: when and how often, so the clerk sees why it left 催促対象.
    expect(reminderReason(row({ remindedAt: '2026-06-18T01:00:00Z', reminderCount: 2 }), days, NOW)).toBe(
      '未入金（3日超過）・催促済 2026/06/18（2回）',
    );
    // Paid, or not yet due: no reason.
    expect(reminderReason(row({ status: 'paid' }), days, NOW)).toBe('');
    expect(reminderReason(row({ orderedAt: '2026-06-18T03:00:00Z' }), days, NOW)).toBe('');
  });

  it('未送信のメール: the mail of the order main status', () => {
    expect(pendingMail(row({ status: 'shipped', mailPending: 1 }))).toBe('発送完了メール');
    expect(pendingMail(row({ status: 'paid', mailPending: 1 }))).toBe('入金確認メール');
    expect(pendingMail(row({ status: 'shipped', mailPending: 0 }))).toBe('');
  });

  it('lists of mixed statuses and extractions show the columns that explain them', () => {
    expect(columnsOf({ kind: 'tab', tab: 'new' })).toEqual([]);
    expect(columnsOf({ kind: 'tab', tab: 'mail_unsent' })).toEqual(['status', 'mailPending']);
    expect(columnsOf({ kind: 'tab', tab: 'reminder' })).toEqual(['status', 'reminder']);
    expect(columnsOf({ kind: 'search', criteria: {} })).toEqual(['status', 'mailPending', 'reminder']);
    const tab = { kind: 'tab', tab: 'paid' } as const;
    expect(columnsOf(extractionOf(tab, '注文時コメント対象抽出', 'orderComment'))).toEqual(['orderComment']);
    expect(columnsOf(extractionOf(tab, 'メール問合せ者抽出', 'mailInquiry'))).toEqual(['mailInquiry']);
  });
});
