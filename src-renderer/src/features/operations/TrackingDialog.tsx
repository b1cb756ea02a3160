import { useEffect, useRef, useState } from 'react';
import type { ParcelRow } from '../../../../src-shared/api/operations.js';
import { CARRIER_LABELS, CARRIERS, isCarrier, type Carrier } from '../../../../src-shared/domain/carriers.js';
import { STATUS_LABELS } from '../../../../src-shared/domain/status.js';
import { canonicalTrackingNo, TRACKING_NO_PATTERN } from '../../../../src-shared/domain/tracking.js';
import { invoke } from '../../api/client.js';
import { OperationDialog, operationFormId, useBulkSubmit } from './OperationDialog.js';

const TITLE = '送り状番号登録';

/**
 * 送り状番号登録: one row per parcel (bundles are one row). A scanner types the number and
 * Enter, which moves to the next parcel's field, so a stack of labels is scanned in one go.
 */
export function TrackingDialog({ orderIds }: { orderIds: number[] }) {
  const [parcels, setParcels] = useState<ParcelRow[] | null>(null);
  const [carrier, setCarrier] = useState<Carrier>('yamato');
  const [numbers, setNumbers] = useState<Record<number, string>>({});
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const { error, setError, busy, submit } = useBulkSubmit(TITLE);

  useEffect(() => {
    invoke('operations:parcels', { orderIds }).then(
      (rows) => {
        setParcels(rows);
        setNumbers(Object.fromEntries(rows.map((r) => [r.id, r.trackingNo ?? ''])));
        const known = rows.find((r) => r.carrier && isCarrier(r.carrier))?.carrier;
        if (known && isCarrier(known)) setCarrier(known);
      },
      (e: Error) => setError(e.message),
    );
  }, [orderIds, setError]);
  useEffect(() => inputs.current[0]?.focus(), [parcels]);

  const register = () => {
    const filled = (parcels ?? []).filter((p) => (numbers[p.id] ?? '').trim() !== '');
    const bad = filled.find((p) => !TRACKING_NO_PATTERN.test(canonicalTrackingNo(numbers[p.id]!)));
    if (filled.length === 0) setError('送り状番号を入力してください。');
    else if (bad)
      setError(`${bad.orderNo}: 送り状番号は半角英数字 8〜20 桁で入力してください（ハイフンは省いてかまいません）。`);
    else {
      const entries = filled.map((p) => ({ orderId: p.id, carrier, trackingNo: numbers[p.id]! }));
      void submit(() => invoke('operations:registerTracking', { entries }));
    }
  };

  return (
    <OperationDialog
      title={TITLE}
      submitLabel="登録"
      wide
      busy={busy || parcels === null}
      error={error}
      onSubmit={register}
    >
      <label>
        配送業者
        <select value={carrier} onChange={(e) => isCarrier(e.target.value) && setCarrier(e.target.value)}>
          {CARRIERS.map((c) => (
            <option key={c} value={c}>
              {CARRIER_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      {parcels && parcels.length >= 500 ? (
        <p className="form-hint">一度に登録できるのは500件までです。残りは登録後にもう一度開いてください。</p>
      ) : null}
      <table className="items" aria-label="送り状番号">
        <thead>
          <tr>
            <th>注文番号</th>
            <th>購入者</th>
            <th>ステータス</th>
            <th>送り状番号</th>
          </tr>
        </thead>
        <tbody>
          {(parcels ?? []).map((p, index) => (
            <tr key={p.id}>
              <td>
                {p.orderNo}
                {p.bundledWith.length ? <div className="form-hint">同梱: {p.bundledWith.join('、')}</div> : null}
              </td>
              <td>{p.buyerName}</td>
              <td>{STATUS_LABELS[p.status]}</td>
              <td>
                <input
                  ref={(el) => {
                    inputs.current[index] = el;
                  }}
                  aria-label={`送り状番号 ${p.orderNo}`}
                  inputMode="numeric"
                  value={numbers[p.id] ?? ''}
                  onChange={(e) => setNumbers({ ...numbers, [p.id]: e.target.value })}
                  onKeyDown={(e) => {
                    if (e.key !== 'Enter') return;
                    // The scanner's Enter: next parcel; after the last one, submit on the next Enter.
                    e.preventDefault();
                    const next = inputs.current[index + 1];
                    if (next) next.focus();
                    else document.querySelector<HTMLButtonElement>(`button[form="${operationFormId(TITLE)}"]`)?.focus();
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </OperationDialog>
  );
}
