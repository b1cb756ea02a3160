import type { CarrierSettings } from '../../../../src-shared/api/carriers.js';

/** 送り状データ（配送業者）: the store's customer codes the label files carry. */
export function CarrierCodesFields({
  codes,
  onChange,
}: {
  codes: CarrierSettings;
  onChange: (codes: CarrierSettings) => void;
}) {
  return (
    <fieldset className="form-group">
      <legend>送り状データ（配送業者）</legend>
      <label>
        B2クラウド ご請求先顧客コード
        <input
          value={codes.yamatoCustomerCode}
          inputMode="numeric"
          onChange={(e) => onChange({ ...codes, yamatoCustomerCode: e.target.value })}
        />
      </label>
      <label>
        B2クラウド 運賃管理番号
        <input
          value={codes.yamatoFreightNo}
          inputMode="numeric"
          onChange={(e) => onChange({ ...codes, yamatoFreightNo: e.target.value })}
        />
      </label>
      <label>
        e飛伝Ⅱ お客様コード
        <input
          value={codes.sagawaCustomerCode}
          inputMode="numeric"
          onChange={(e) => onChange({ ...codes, sagawaCustomerCode: e.target.value })}
        />
      </label>
    </fieldset>
  );
}
