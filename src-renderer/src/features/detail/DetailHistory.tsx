import type { Masters } from '../../../../src-shared/api/app.js';
import { historyLabel, historyValue, type HistoryNames } from '../../../../src-shared/domain/change-kinds.js';
import type { HistoryEntry } from '../../../../src-shared/domain/order.js';
import { formatJst } from '../../format.js';

function namesFrom(masters: Masters): HistoryNames {
  return {
    subStatus: (id) => masters.subStatuses.find((s) => String(s.id) === id)?.name,
    store: (id) => masters.stores.find((s) => s.id === id)?.name,
  };
}

/** The order's history in the detail (S16): every change with who, where, when, from, to and why. */
export function DetailHistory({ history, masters }: { history: HistoryEntry[]; masters: Masters }) {
  const names = namesFrom(masters);
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
            <td>{historyLabel(h.kind, h.to)}</td>
            <td>{historyValue(h.kind, h.from, names)}</td>
            <td>{historyValue(h.kind, h.to, names)}</td>
            <td>{h.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
