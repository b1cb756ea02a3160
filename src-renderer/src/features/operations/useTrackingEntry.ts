import { useEffect, useRef, useState } from 'react';
import type { ParcelRow } from '../../../../src-shared/api/operations.js';
import { isCarrier, type Carrier } from '../../../../src-shared/domain/carriers.js';
import { canonicalTrackingNo, TRACKING_NO_PATTERN } from '../../../../src-shared/domain/tracking.js';
import { invoke } from '../../api/client.js';
import { useBulkSubmit } from './OperationDialog.js';

/**
 * 送り状番号登録's data: the checked orders' parcels (bundles are one), the carrier (the one
 * already known, else ヤマト運輸), the number typed per parcel, and 登録, which first checks each
 * filled number. The first parcel's field takes the focus once the parcels are in.
 */
export function useTrackingEntry(orderIds: number[], title: string) {
  const [parcels, setParcels] = useState<ParcelRow[] | null>(null);
  const [carrier, setCarrier] = useState<Carrier>('yamato');
  const [numbers, setNumbers] = useState<Record<number, string>>({});
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const { error, setError, busy, submit } = useBulkSubmit(title);

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

  return { parcels, carrier, setCarrier, numbers, setNumbers, inputs, error, busy, register };
}
