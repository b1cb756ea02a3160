import type { FormEvent } from 'react';
import { MAIL_RESULTS, type MailResult } from '../../../../src-shared/domain/mail.js';
import { resultLabel } from './labels.js';
import type { MailLogFilters } from './useMailLog.js';

/** 送信ログの検索: order number (prefix), the sending dates and the result. */
export function MailLogSearchForm({
  filters,
  onChange,
  onSubmit,
}: {
  filters: MailLogFilters;
  onChange: (filters: MailLogFilters) => void;
  onSubmit: (e: FormEvent) => void;
}) {
  return (
    <form className="mail-log-filters" onSubmit={onSubmit} role="search" aria-label="送信ログの検索">
      <label>
        注文番号
        <input
          value={filters.orderNo}
          onChange={(e) => onChange({ ...filters, orderNo: e.target.value })}
          placeholder="前方一致"
        />
      </label>
      <label>
        送信日（から）
        <input type="date" value={filters.from} onChange={(e) => onChange({ ...filters, from: e.target.value })} />
      </label>
      <label>
        送信日（まで）
        <input type="date" value={filters.to} onChange={(e) => onChange({ ...filters, to: e.target.value })} />
      </label>
      <label>
        結果
        <select
          value={filters.result}
          onChange={(e) => onChange({ ...filters, result: e.target.value as MailResult | '' })}
        >
          <option value="">すべて</option>
          {MAIL_RESULTS.map((r) => (
            <option key={r} value={r}>
              {resultLabel(r)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">検索</button>
    </form>
  );
}
