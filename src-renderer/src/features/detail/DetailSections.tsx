import type { Masters } from '../../../../src-shared/api/app.js';
import type { HistoryEntry } from '../../../../src-shared/domain/order.js';
import { DetailHistory } from './DetailHistory.js';
import { DETAIL_SECTIONS } from './sections.js';

interface Props {
  orderId: number;
  history: HistoryEntry[];
  masters: Masters;
}

/** Below the form: 履歴, then each other feature's section (メール, ...) under its heading. */
export function DetailSections({ orderId, history, masters }: Props) {
  return (
    <>
      <h3>履歴</h3>
      <DetailHistory history={history} masters={masters} />
      {DETAIL_SECTIONS.map(({ id, title, Component }) => (
        <div key={id} className="detail-section">
          <h3>{title}</h3>
          <Component orderId={orderId} />
        </div>
      ))}
    </>
  );
}
