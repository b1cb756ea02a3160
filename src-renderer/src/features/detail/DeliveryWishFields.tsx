import { TIME_SLOTS, TIME_SLOT_LABELS } from '../../../../src-shared/domain/delivery-wishes.js';
import type { Draft } from './draft.js';

type WishDraft = Pick<Draft, 'deliveryDate' | 'deliveryTimeSlot' | 'deliveryMethod'>;

/** F12's 配送希望: the day, the time slot and the 配送方法 the label file is made with. */
export function DeliveryWishFields(props: { draft: WishDraft; onChange(change: Partial<WishDraft>): void }) {
  const { draft, onChange } = props;
  return (
    <fieldset className="form delivery-wish">
      <legend>配送希望</legend>
      <label>
        配送希望日
        <input type="date" value={draft.deliveryDate} onChange={(e) => onChange({ deliveryDate: e.target.value })} />
      </label>
      <label>
        配送時間帯
        <select value={draft.deliveryTimeSlot} onChange={(e) => onChange({ deliveryTimeSlot: e.target.value })}>
          <option value="">（指定なし）</option>
          {TIME_SLOTS.map((slot) => (
            <option key={slot} value={slot}>
              {TIME_SLOT_LABELS[slot]}
            </option>
          ))}
        </select>
      </label>
      <label>
        配送方法
        <input
          value={draft.deliveryMethod}
          maxLength={100}
          placeholder="宅急便・ネコポス・宅急便コンパクト・DM便・ゆうパック など"
          onChange={(e) => onChange({ deliveryMethod: e.target.value })}
        />
      </label>
    </fieldset>
  );
}
