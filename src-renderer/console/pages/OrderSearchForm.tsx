import type { ChangeEvent, FormEvent } from 'react';
import { CHANNELS } from '../../../src-shared/domain/channels.js';
import { MAIN_STATUSES, STATUS_LABELS } from '../../../src-shared/domain/status.js';
import { StoreSelect } from '../StoreSelect.js';
import type { OrderSearchValues as Values } from './useOrderSearch.js';
import { ChannelOptions } from '../../src/components/ChannelOptions.js';

interface Props {
  form: Values;
  onChange(form: Values): void;
  /** The change handler of one text / select / date field. */
  onField(key: keyof Values): (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;
  onSubmit(e: FormEvent): void;
}

/** 注文検索: order number or buyer, status, store, channel and the order-date range. */
export function OrderSearchForm({ form, onChange, onField, onSubmit }: Props) {
  return (
    <form className="page-tools" onSubmit={onSubmit} aria-label="注文検索">
      <label>
        注文番号・購入者（名前・カナ・メール・電話）
        <input value={form.text} onChange={onField('text')} size={30} />
      </label>
      <label>
        ステータス
        <select value={form.status} onChange={onField('status')}>
          <option value="">すべて</option>
          {MAIN_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        出荷店舗
        <StoreSelect value={form.storeId} onChange={(storeId) => onChange({ ...form, storeId })}>
          <option value="">すべて</option>
          <option value="-">未指定</option>
        </StoreSelect>
      </label>
      <label>
        販売チャネル
        <select value={form.channel} onChange={onField('channel')}>
          <option value="">すべて</option>
          <ChannelOptions channels={CHANNELS} />
        </select>
      </label>
      <label>
        注文日（から）
        <input type="date" value={form.from} onChange={onField('from')} />
      </label>
      <label>
        注文日（まで）
        <input type="date" value={form.to} onChange={onField('to')} />
      </label>
      <button type="submit">検索</button>
    </form>
  );
}
