import type { KeyboardEvent, RefObject } from 'react';
import type { MailLogRow } from '../../../../src-shared/api/mail.js';
import { formatJst } from '../../format.js';
import { kindLabel, resultLabel } from './labels.js';

/** ↑/↓ on a row's order number moves to the row above or below (Enter opens it). */
function moveBetweenRows(e: KeyboardEvent<HTMLTableSectionElement>): void {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = buttons[index + (e.key === 'ArrowDown' ? 1 : -1)];
  if (index < 0 || !next) return;
  e.preventDefault();
  next.focus();
}

/** 送信ログ: one row per attempt; a click (or Enter on the order number) opens it. */
export function MailLogTable({
  rows,
  openedId,
  onOpen,
  rowsRef,
}: {
  rows: MailLogRow[];
  openedId: number | undefined;
  onOpen: (id: number) => void;
  rowsRef: RefObject<HTMLTableSectionElement | null>;
}) {
  return (
    <table className="history" aria-label="送信ログ">
      <thead>
        <tr>
          <th>日時</th>
          <th>注文番号</th>
          <th>種類</th>
          <th>宛先</th>
          <th>件名</th>
          <th>結果</th>
          <th>エラー</th>
        </tr>
      </thead>
      <tbody ref={rowsRef} onKeyDown={moveBetweenRows}>
        {rows.map((r) => (
          <tr
            key={r.id}
            className={`mail-row ${r.result}`}
            aria-selected={openedId === r.id}
            onClick={() => onOpen(r.id)}
          >
            <td>{formatJst(r.createdAt)}</td>
            <td>
              <button type="button" className="link-button" onClick={() => onOpen(r.id)}>
                {r.orderNo}
              </button>
            </td>
            <td>{kindLabel(r.kind)}</td>
            <td>{r.recipient}</td>
            <td>{r.subject}</td>
            <td className="mail-result">{resultLabel(r.result)}</td>
            <td>{r.error ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
