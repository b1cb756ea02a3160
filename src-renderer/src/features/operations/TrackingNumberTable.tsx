import type { RefObject } from 'react';
import type { ParcelRow } from '../../../../src-shared/api/operations.js';
import { STATUS_LABELS } from '../../../../src-shared/domain/status.js';

/**
 * 送り状番号: one field per parcel. A scanner's Enter moves to the next parcel's field; after the
 * last one, to the dialog's submit button (`submitSelector`), so the next Enter registers.
 */
export function TrackingNumberTable({
  parcels,
  numbers,
  onChange,
  inputs,
  submitSelector,
}: {
  parcels: ParcelRow[];
  numbers: Record<number, string>;
  onChange: (numbers: Record<number, string>) => void;
  inputs: RefObject<(HTMLInputElement | null)[]>;
  submitSelector: string;
}) {
  return (
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
        {parcels.map((p, index) => (
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
                onChange={(e) => onChange({ ...numbers, [p.id]: e.target.value })}
                onKeyDown={(e) => {
                  if (e.key !== 'Enter') return;
                  // The scanner's Enter: next parcel; after the last one, submit on the next Enter.
                  e.preventDefault();
                  const next = inputs.current[index + 1];
                  if (next) next.focus();
                  else document.querySelector<HTMLButtonElement>(submitSelector)?.focus();
                }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
