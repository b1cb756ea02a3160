import { CARRIER_LABELS, CARRIERS, isCarrier } from '../../../../src-shared/domain/carriers.js';
import { OperationDialog, operationFormId } from './OperationDialog.js';
import { TrackingNumberTable } from './TrackingNumberTable.js';
import { useTrackingEntry } from './useTrackingEntry.js';

const TITLE = '送り状番号登録';

/**
 * 送り状番号登録: one row per parcel (bundles are one row). A scanner types the number and
 * Enter, which moves to the next parcel's field, so a stack of labels is scanned in one go.
 */
export function TrackingDialog({ orderIds }: { orderIds: number[] }) {
  const { parcels, carrier, setCarrier, numbers, setNumbers, inputs, error, busy, register } = useTrackingEntry(
    orderIds,
    TITLE,
  );
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
      <TrackingNumberTable
        parcels={parcels ?? []}
        numbers={numbers}
        onChange={setNumbers}
        inputs={inputs}
        submitSelector={`button[form="${operationFormId(TITLE)}"]`}
      />
    </OperationDialog>
  );
}
