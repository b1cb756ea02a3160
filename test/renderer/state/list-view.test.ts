import { describe, expect, it } from 'vitest';
import { criteriaOf, draftOf, EMPTY_DRAFT } from '../../../src-renderer/src/features/search/criteria-form.js';
import { extractionOf } from '../../../src-renderer/src/features/extraction/items.js';
import { gridKeyOf, labelOf, queryOf, tabOf } from '../../../src-renderer/src/state/list-view.js';

describe('the list shown', () => {
  it('is a tab, a search, or an extraction of either, and says so', () => {
    const tab = { kind: 'tab', tab: 'new' } as const;
    const search = { kind: 'search', criteria: { buyer: '山田' } } as const;
    const ofTab = extractionOf(tab, '注文時コメント対象抽出', 'orderComment');
    const ofSearch = extractionOf(search, 'メール問合せ者抽出', 'mailInquiry');
    expect(queryOf(tab)).toEqual({ tab: 'new' });
    expect(queryOf(ofTab)).toEqual({ tab: 'new', criteria: { orderComment: true } });
    expect(queryOf(ofSearch)).toEqual({ criteria: { buyer: '山田', mailInquiry: true } });
    expect(labelOf(ofTab)).toBe('注文時コメント対象抽出（新規）');
    expect(labelOf(ofSearch)).toBe('メール問合せ者抽出（検索結果）');
    expect([tabOf(ofTab), tabOf(search), gridKeyOf(ofTab), gridKeyOf(ofSearch)]).toEqual([
      'new',
      null,
      'new',
      'search',
    ]);
  });

  it('extracts from the same list again rather than from the last extraction', () => {
    const tab = { kind: 'tab', tab: 'paid' } as const;
    const again = extractionOf(extractionOf(tab, 'E2', 'orderComment'), 'E4', 'mailInquiry');
    expect(queryOf(again)).toEqual({ tab: 'paid', criteria: { mailInquiry: true } });
  });
});

describe('the search form', () => {
  it('sends only the filled conditions, amounts typed any way as yen', () => {
    const criteria = criteriaOf({
      ...EMPTY_DRAFT,
      buyer: ' ﾔﾏﾀﾞ ',
      totalMin: '１，０００',
      totalMax: '¥2,500',
      statuses: ['new'],
      mailInquiry: true,
    });
    expect(criteria).toEqual({ buyer: 'ﾔﾏﾀﾞ', totalMin: 1000, totalMax: 2500, statuses: ['new'], mailInquiry: true });
    expect(criteriaOf(EMPTY_DRAFT)).toEqual({});
  });

  it('refuses an amount that is not a number of yen, in Japanese', () => {
    expect(() => criteriaOf({ ...EMPTY_DRAFT, totalMin: '千円' })).toThrow(
      '金額（下限）は円単位の数字で入力してください（例: 3000）。',
    );
  });

  it('opens with the remembered conditions', () => {
    const draft = draftOf({ orderNo: 'AB-1', totalMax: 300, channels: ['amazon'] });
    expect(draft).toMatchObject({ orderNo: 'AB-1', totalMax: '300', totalMin: '', channels: ['amazon'], buyer: '' });
    expect(criteriaOf(draft)).toEqual({ orderNo: 'AB-1', totalMax: 300, channels: ['amazon'] });
  });
});
