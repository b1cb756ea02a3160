import type { Masters } from '../../../../src-shared/api/app.js';
import { CARRIER_LABELS, isCarrier } from '../../../../src-shared/domain/carriers.js';
import { formatYen } from '../../../../src-shared/domain/money.js';
import type { HistoryEntry } from '../../../../src-shared/domain/order.js';
import { STATUS_LABELS, isMainStatus } from '../../../../src-shared/domain/status.js';
import { formatJst } from '../../format.js';

/** What each history kind is called on screen (S2: from, to, why). */
const FIELD_LABELS: Record<string, string> = {
  intake: '受注取込',
  status: 'メインステータス',
  sub_status: 'サブステータス',
  unit_price: '単価',
  discount: '値引',
  shipping_fee: '送料',
  cod_fee: '代引手数料',
  subtotal: '小計',
  total: '合計',
  order_comment: '注文時コメント',
  staff_comment: '受注後コメント',
  bundle: '同梱',
  store: '出荷店舗',
  carrier: '配送業者',
};

const MONEY_KINDS = new Set(['unit_price', 'discount', 'shipping_fee', 'cod_fee', 'subtotal', 'total']);

function valueText(kind: string, value: string | null, masters: Masters): string {
  if (value === null || value === '') return kind === 'bundle' ? 'なし' : '';
  if (kind === 'status' && isMainStatus(value)) return STATUS_LABELS[value];
  if (MONEY_KINDS.has(kind) && /^-?\d+$/.test(value)) return formatYen(Number(value));
  if (kind === 'sub_status') return masters.subStatuses.find((s) => String(s.id) === value)?.name ?? value;
  if (kind === 'store') return masters.stores.find((s) => s.id === value)?.name ?? value;
  if (kind === 'carrier' && isCarrier(value)) return CARRIER_LABELS[value];
  // A bundle is named by an id nobody reads: say that the order is in one.
  if (kind === 'bundle') return 'あり';
  return value;
}

/** The order's history in the detail (S16): every change with who, where, when, from, to and why. */
export function DetailHistory({ history, masters }: { history: HistoryEntry[]; masters: Masters }) {
  return (
    <table className="history" aria-label="履歴">
      <thead>
        <tr>
          <th>日時</th>
          <th>担当者</th>
          <th>店舗/PC</th>
          <th>項目</th>
          <th>変更前</th>
          <th>変更後</th>
          <th>理由</th>
        </tr>
      </thead>
      <tbody>
        {history.map((h) => (
          <tr key={h.id}>
            <td>{formatJst(h.at)}</td>
            <td>{h.actor}</td>
            <td>
              {h.storeId ?? '本部'} / {h.pcId}
            </td>
            <td>{FIELD_LABELS[h.kind] ?? h.kind}</td>
            <td>{valueText(h.kind, h.from, masters)}</td>
            <td>{valueText(h.kind, h.to, masters)}</td>
            <td>{h.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
