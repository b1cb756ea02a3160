import type { TestApp } from './test-app.js';

/** The shipping store as a label's sender (ご依頼主), and the B2 billing code set. */
export function setUpLabelStore(t: TestApp): void {
  t.app.ctx.database.sqlite
    .prepare(
      "INSERT INTO stores (id, name, postal_code, address, phone) VALUES ('tokyo', 'チュウモン東京店', '103-0027', '東京都中央区日本橋1-1-1', '03-1234-5678')",
    )
    .run();
  t.app.ctx.settings.set('shippingLabels', {
    yamatoCustomerCode: '0312345678',
    yamatoFreightNo: '01',
    sagawaCustomerCode: '',
  });
}
