import { useCallback, useEffect, useRef, useState } from 'react';
import type { BundleCandidateGroup, BundleCandidates, BundleChange } from '../../../../src-shared/api/bundle.js';
import { CHANNEL_LABELS } from '../../../../src-shared/domain/channels.js';
import { formatAmount, formatYen } from '../../../../src-shared/domain/money.js';
import { STATUS_LABELS } from '../../../../src-shared/domain/status.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { formatJst } from '../../format.js';
import { useScreen } from '../../screen/screen-context.js';

const FEE_FIELDS: Record<string, string> = { shipping_fee: '送料', cod_fee: '代引手数料' };

function describe(done: string, change: BundleChange): string {
  const fees = change.changes
    .filter((c) => FEE_FIELDS[c.field])
    .map((c) => `${c.orderNo} ${FEE_FIELDS[c.field]} ${formatYen(Number(c.from))}→${formatYen(Number(c.to))}`);
  return `${done}: ${change.orders}件${fees.length ? `（${fees.join('、')}）` : ''}`;
}

/**
 * F10 同梱設定 (S14): groups of open orders that share buyer name, postal code and address
 * (normalised, so ﾔﾏﾀﾞ = やまだ and １－２－３ = 1丁目2番3号), each with the values they share.
 * The clerk bundles the checked orders of a group or unbundles an existing bundle.
 */
export function BundleDialog({ orderIds }: { orderIds: number[] }) {
  const screen = useScreen();
  const [onlyChecked, setOnlyChecked] = useState(orderIds.length > 0);
  const [data, setData] = useState<BundleCandidates | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // The pressed button may vanish with the reload: keep the focus in the dialog (Escape, Tab).
  const outcome = useRef<HTMLDivElement>(null);

  const load = useCallback(() => {
    invoke('bundle:candidates', onlyChecked ? { orderIds } : {}).then(setData, (e: Error) => setError(e.message));
  }, [onlyChecked, orderIds]);
  useEffect(load, [load]);

  const act = async (run: () => Promise<BundleChange>, done: string) => {
    setError(null);
    try {
      const change = await run();
      setMessage(describe(done, change));
      load();
    } catch (e) {
      setError((e as Error).message);
    }
    outcome.current?.focus();
  };

  return (
    <Dialog title="同梱設定" onClose={screen.closeDialog} wide>
      <div className="bundle-head">
        <span role="status">
          {data ? `同梱候補 ${data.totalGroups.toLocaleString('ja-JP')}組` : '同梱候補を探しています…'}
          {data && data.totalGroups > data.groups.length ? `（新しい順に ${data.groups.length}組を表示）` : ''}
        </span>
        {orderIds.length > 0 ? (
          <label>
            <input type="checkbox" checked={onlyChecked} onChange={(e) => setOnlyChecked(e.target.checked)} />
            チェックした注文を含む組だけ
          </label>
        ) : null}
      </div>
      <div ref={outcome} tabIndex={-1}>
        {message ? <p className="notice info">{message}</p> : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      {data && data.withoutStore > 0 ? (
        <p className="form-error" role="alert">
          出荷店舗が決まっていない注文 {data.withoutStore.toLocaleString('ja-JP')}
          件は同梱の対象にしていません（同梱は同じ店舗から出す1つの荷物です）。先に「E5
          出荷店舗一括指定」で出荷店舗を決めてから、もう一度 F10 を押してください。
        </p>
      ) : null}
      {data?.groups.length === 0 ? (
        <p>
          {data.withoutStore > 0 ? '出荷店舗の決まっている注文には、' : ''}
          同梱できる注文（購入者名・郵便番号・住所が一致する未出荷の注文）はありません。
        </p>
      ) : null}
      {data?.groups.map((group, index) => (
        <CandidateGroup
          key={group.key}
          index={index + 1}
          group={group}
          storeName={screen.masters.stores.find((s) => s.id === group.storeId)?.name ?? group.storeId}
          onBundle={(ids) => act(() => invoke('bundle:create', { orderIds: ids }), '同梱しました')}
          onUnbundle={(bundleGroup) => act(() => invoke('bundle:dissolve', { bundleGroup }), '同梱を解除しました')}
        />
      ))}
    </Dialog>
  );
}

interface GroupProps {
  index: number;
  group: BundleCandidateGroup;
  storeName: string;
  onBundle(ids: number[]): void;
  onUnbundle(bundleGroup: string): void;
}

function CandidateGroup({ index, group, storeName, onBundle, onUnbundle }: GroupProps) {
  const [picked, setPicked] = useState<ReadonlySet<number>>(() => new Set(group.orders.map((o) => o.id)));
  const bundles = [...new Set(group.orders.map((o) => o.bundleGroup).filter((g): g is string => g !== null))];
  const bundleName = (g: string) => `同梱${String.fromCharCode(65 + bundles.indexOf(g))}`;
  const allInOneBundle = bundles.length === 1 && group.orders.every((o) => o.bundleGroup === bundles[0]);
  const toggle = (id: number) => {
    const next = new Set(picked);
    if (!next.delete(id)) next.add(id);
    setPicked(next);
  };
  return (
    <section className="bundle-group" aria-label={`同梱候補 ${index}`}>
      <p className="bundle-why">
        <strong>一致した条件</strong>
        {group.reasons.map((r) => (
          <span key={r.label}>
            {r.label}「{r.value}」
          </span>
        ))}
        <span>出荷店舗「{storeName}」</span>
      </p>
      <table className="items">
        <thead>
          <tr>
            <th>対象</th>
            <th>注文番号</th>
            <th>チャネル</th>
            <th>注文日時</th>
            <th>ステータス</th>
            <th>購入者</th>
            <th>送り先</th>
            <th>送料</th>
            <th>代引手数料</th>
            <th>合計</th>
            <th>同梱</th>
          </tr>
        </thead>
        <tbody>
          {group.orders.map((o) => (
            <tr key={o.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`同梱対象 ${o.orderNo}`}
                  checked={picked.has(o.id)}
                  onChange={() => toggle(o.id)}
                />
              </td>
              <td>{o.orderNo}</td>
              <td>{CHANNEL_LABELS[o.channel]}</td>
              <td>{formatJst(o.orderedAt)}</td>
              <td>{STATUS_LABELS[o.status]}</td>
              <td>{o.buyerName}</td>
              <td>
                〒{o.postalCode.replace(/^〒/, '')} {o.address}
              </td>
              <td className="num">{formatYen(o.shippingFee)}</td>
              <td className="num">{formatYen(o.codFee)}</td>
              <td className="num">{formatAmount(o.total, o.amountsUnknown)}</td>
              <td>{o.bundleGroup ? bundleName(o.bundleGroup) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form-actions">
        {bundles.map((g) => (
          <button key={g} type="button" onClick={() => onUnbundle(g)}>
            {bundleName(g)}を解除
          </button>
        ))}
        {allInOneBundle ? null : (
          <button type="button" disabled={picked.size < 2} onClick={() => onBundle([...picked])}>
            チェックした{picked.size}件を同梱する
          </button>
        )}
      </div>
    </section>
  );
}
