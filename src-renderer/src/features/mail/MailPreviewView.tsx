import type { MailPreview } from '../../../../src-shared/api/mail.js';

/** プレビュー: the template filled in with a real order, and what could not be filled in. */
export function MailPreviewView({ preview }: { preview: MailPreview }) {
  return (
    <section className="mail-entry" aria-label="プレビュー">
      {preview.warnings.map((w) => (
        <p key={w} className="form-error">
          {w}
        </p>
      ))}
      <dl className="facts">
        <dt>注文番号</dt>
        <dd>{preview.orderNo}</dd>
        <dt>宛先</dt>
        <dd>{preview.to}</dd>
        <dt>件名</dt>
        <dd>{preview.subject}</dd>
      </dl>
      <pre className="mail-body">{preview.text}</pre>
    </section>
  );
}
