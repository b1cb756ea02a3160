import { PREFECTURES, type ShipTo } from '../../../../src-shared/domain/ship-to.js';

const TEXT_FIELDS: { key: Exclude<keyof ShipTo, 'shipPrefecture'>; label: string; max: number; hint?: string }[] = [
  { key: 'shipName', label: 'お届け先名', max: 200 },
  { key: 'shipPostalCode', label: '郵便番号', max: 10, hint: '150-0001' },
  { key: 'shipAddress1', label: '住所', max: 500, hint: '市区町村・番地' },
  { key: 'shipAddress2', label: '住所2', max: 500, hint: '建物名・部屋番号' },
  { key: 'shipPhone', label: '電話番号', max: 20, hint: '03-1234-5678' },
];

/** F12's 送付先: corrected after a buyer's 住所変更 or a 番地 the carrier found missing. */
export function ShipToFields(props: { shipTo: ShipTo; readOnly: boolean; onChange(shipTo: ShipTo): void }) {
  const { shipTo, readOnly, onChange } = props;
  const field = (f: (typeof TEXT_FIELDS)[number]) => (
    <label key={f.key}>
      {f.label}
      <input
        value={shipTo[f.key]}
        maxLength={f.max}
        placeholder={f.hint}
        readOnly={readOnly}
        onChange={(e) => onChange({ ...shipTo, [f.key]: e.target.value })}
      />
    </label>
  );
  return (
    <fieldset className="form ship-to">
      <legend>送付先</legend>
      {TEXT_FIELDS.slice(0, 2).map(field)}
      <label>
        都道府県
        <select
          value={shipTo.shipPrefecture}
          disabled={readOnly}
          onChange={(e) => onChange({ ...shipTo, shipPrefecture: e.target.value })}
        >
          {(PREFECTURES as readonly string[]).includes(shipTo.shipPrefecture) ? null : (
            <option value={shipTo.shipPrefecture}>{shipTo.shipPrefecture || '（選んでください）'}</option>
          )}
          {PREFECTURES.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </label>
      {TEXT_FIELDS.slice(2).map(field)}
    </fieldset>
  );
}
