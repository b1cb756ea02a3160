import type { MailBatchResult, MailFailure, MailSkip } from '../../../../src-shared/api/mail.js';

/** Orders grouped by the same reason, with a few order numbers each (a batch may skip thousands). */
function byReason(items: (MailSkip | MailFailure)[], text: (i: MailSkip | MailFailure) => string) {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const key = text(item);
    groups.set(key, [...(groups.get(key) ?? []), item.orderNo]);
  }
  return [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
}

function Group({
  title,
  items,
  text,
}: {
  title: string;
  items: (MailSkip | MailFailure)[];
  text: (i: MailSkip | MailFailure) => string;
}) {
  if (items.length === 0) return null;
  return (
    <section aria-label={title}>
      <h3>
        {title}（{items.length.toLocaleString('ja-JP')}件）
      </h3>
      <ul className="mail-reasons">
        {byReason(items, text).map(([reason, orderNos]) => (
          <li key={reason}>
            <span className="mail-reason">{reason}</span>
            <span className="mail-orders">
              {orderNos.length.toLocaleString('ja-JP')}件: {orderNos.slice(0, 8).join('、')}
              {orderNos.length > 8 ? ' ほか' : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** 送信 / 失敗 / 結果不明 / 対象外, each with why (F7 summary). */
export function BatchSummary({ result }: { result: MailBatchResult }) {
  return (
    <div className="mail-summary">
      <p className="result-summary" role="status">
        送信 {result.sent.toLocaleString('ja-JP')}件 / 失敗 {result.failed.length.toLocaleString('ja-JP')}件 / 結果不明{' '}
        {result.unknown.length.toLocaleString('ja-JP')}件 / 対象外 {result.skipped.length.toLocaleString('ja-JP')}件
      </p>
      {result.aborted ? (
        <p role="alert" className="form-error">
          送信を途中で中断しました: {result.aborted}
        </p>
      ) : null}
      <Group title="送信失敗（再送できます）" items={result.failed} text={(i) => ('error' in i ? i.error : '')} />
      <Group
        title="結果不明（届いたか分かりません。F8 送信ログ照会で確認してください）"
        items={result.unknown}
        text={(i) => ('error' in i ? i.error : '')}
      />
      <Group title="対象外" items={result.skipped} text={(i) => ('reason' in i ? i.reason : '')} />
    </div>
  );
}
