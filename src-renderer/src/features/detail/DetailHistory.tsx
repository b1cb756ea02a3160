import type { Masters } from '../../../../src-shared/api/app.js';
import type { HistoryEntry } from '../../../../src-shared/domain/order.js';
import { formatJst } from '../../format.js';
import { historyText } from './history-text.js';

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
        {history.map((h) => {
          const text = historyText(h, masters);
          return (
            <tr key={h.id}>
              <td>{formatJst(h.at)}</td>
              <td>{h.actor}</td>
              <td>{text.place}</td>
              <td>{text.item}</td>
              <td>{text.from}</td>
              <td>{text.to}</td>
              <td>{h.reason}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
