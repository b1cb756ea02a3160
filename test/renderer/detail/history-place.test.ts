import { describe, expect, it } from 'vitest';
import type { Masters } from '../../../src-shared/api/app.js';
import { historyPlace } from '../../../src-renderer/src/features/detail/DetailHistory.js';

const masters: Masters = {
  stores: [{ id: 'tokyo', name: '東京店', isHeadOffice: false }],
  paymentMethods: [],
  subStatuses: [],
};

describe('where a history row was written', () => {
  it('names the store, and the central server in Japanese, never by their ids', () => {
    expect(historyPlace({ storeId: 'tokyo', pcId: 'PC-1' }, masters)).toBe('東京店 / PC-1');
    expect(historyPlace({ storeId: null, pcId: 'server' }, masters)).toBe('本部 / サーバー');
  });
});
