import { useState } from 'react';
import { MAIN_STATUSES, STATUS_LABELS, isMainStatus, type MainStatus } from '../../../../src-shared/domain/status.js';
import { invoke } from '../../api/client.js';
import { useScreen } from '../../screen/screen-context.js';
import { tabOf } from '../../state/list-view.js';
import { BulkForm } from './BulkForm.js';
import { fromEngine } from './result.js';

/** E5 出荷店舗一括指定 */
export function StoreDialog({ orderIds }: { orderIds: number[] }) {
  const { masters } = useScreen();
  const [storeId, setStoreId] = useState(masters.stores[0]?.id ?? '');
  return (
    <BulkForm
      title="出荷店舗一括指定"
      count={orderIds.length}
      apply={() => invoke('bulk:setStore', { orderIds, storeId: storeId || null })}
    >
      <label>
        出荷店舗
        <select value={storeId} onChange={(e) => setStoreId(e.target.value)} autoFocus>
          {masters.stores.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
          <option value="">未指定に戻す</option>
        </select>
      </label>
    </BulkForm>
  );
}

/** E6 マウス選択行個別評価設定 / E7 選択チェック行一括評価設定 (Yahoo! Auctions orders). */
export function RatingDialog({ title, orderIds }: { title: string; orderIds: number[] }) {
  const [rating, setRating] = useState(true);
  return (
    <BulkForm title={title} count={orderIds.length} apply={() => invoke('bulk:setRating', { orderIds, rating })}>
      <fieldset className="check-group">
        <legend>落札者評価</legend>
        <label>
          <input type="radio" name="rating" checked={rating} onChange={() => setRating(true)} autoFocus />
          する
        </label>
        <label>
          <input type="radio" name="rating" checked={!rating} onChange={() => setRating(false)} />
          しない
        </label>
      </fieldset>
      <p className="form-hint">
        Yahoo!オークションの注文だけに設定します。ほかのチャネルの注文は理由を添えて一覧にします。
      </p>
    </BulkForm>
  );
}

/**
 * E10 サブステータス一括変更: the active sub-statuses grouped by main status, the list's own
 * status first; orders of another main status are refused with the reason.
 */
export function SubStatusDialog({ orderIds }: { orderIds: number[] }) {
  const screen = useScreen();
  const listed = tabOf(screen.view);
  const first: MainStatus | null = listed && isMainStatus(listed) ? listed : null;
  const order = first ? [first, ...MAIN_STATUSES.filter((s) => s !== first)] : MAIN_STATUSES;
  const active = screen.masters.subStatuses.filter((s) => !s.retired);
  const [value, setValue] = useState(String(active.find((s) => s.mainStatus === (first ?? s.mainStatus))?.id ?? ''));
  return (
    <BulkForm
      title="サブステータス一括変更"
      count={orderIds.length}
      apply={() => invoke('bulk:setSubStatus', { orderIds, subStatusId: value ? Number(value) : null })}
    >
      <label>
        サブステータス
        <select value={value} onChange={(e) => setValue(e.target.value)} autoFocus>
          {order.map((status) => {
            const subs = active.filter((s) => s.mainStatus === status);
            return subs.length ? (
              <optgroup key={status} label={STATUS_LABELS[status]}>
                {subs.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </optgroup>
            ) : null;
          })}
          <option value="">（サブステータスなし）</option>
        </select>
      </label>
      <p className="form-hint">
        サブステータスはメインステータスごとです。ほかのメインステータスの注文は変更せず、理由を添えて一覧にします。
      </p>
    </BulkForm>
  );
}

/** E11 メインステータス一括変更: 新規 orders only, through the status engine. */
export function MainStatusDialog({ orderIds }: { orderIds: number[] }) {
  const [target, setTarget] = useState<MainStatus>('stock_confirmed');
  const [reason, setReason] = useState('');
  return (
    <BulkForm
      title="メインステータス一括変更"
      count={orderIds.length}
      apply={() => invoke('bulk:setStatus', { orderIds, target, reason }).then(fromEngine)}
    >
      <label>
        変更後のメインステータス
        <select value={target} onChange={(e) => setTarget(e.target.value as MainStatus)} autoFocus>
          {MAIN_STATUSES.filter((s) => s !== 'new').map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        理由（履歴に残ります）
        <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </label>
      <p className="form-hint">
        「新規」の注文だけを変更します。「在庫確認済」を選ぶと、決済方法が入金確認不要の注文は「入金済」になります。
      </p>
    </BulkForm>
  );
}
