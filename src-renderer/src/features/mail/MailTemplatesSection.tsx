import { useEffect, useState } from 'react';
import type { MailPreview, MailTemplate } from '../../../../src-shared/api/mail.js';
import { PLACEHOLDERS, type MailKind } from '../../../../src-shared/domain/mail.js';
import { invoke } from '../../api/client.js';
import { useReportUnsaved } from '../settings/useReportUnsaved.js';
import { useScreen } from '../../screen/screen-context.js';
import { FormFooter } from '../settings/FormFooter.js';

/** メールテンプレート: the five mails' subject and body, placeholders, preview on a real order. */
export function MailTemplatesSection() {
  const screen = useScreen();
  const [templates, setTemplates] = useState<MailTemplate[]>([]);
  const [kind, setKind] = useState<MailKind>('stock_confirmed');
  const [draft, setDraft] = useState({ subject: '', body: '' });
  const [orderNo, setOrderNo] = useState('');
  const [preview, setPreview] = useState<MailPreview | null>(null);
  const [error, setError] = useState('');
  const current = templates.find((t) => t.kind === kind);
  const pick = (list: MailTemplate[], k: MailKind) => {
    const t = list.find((x) => x.kind === k)!;
    setDraft({ subject: t.subject, body: t.body });
    setPreview(null);
    setError('');
  };
  useEffect(() => {
    invoke('mail:templates', {}).then(
      (list) => {
        setTemplates(list);
        pick(list, kind);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  const replace = (t: MailTemplate) => {
    const list = templates.map((x) => (x.kind === t.kind ? t : x));
    setTemplates(list);
    pick(list, t.kind);
  };
  const save = () =>
    invoke('mail:saveTemplate', { kind, ...draft }).then(
      (t) => {
        replace(t);
        screen.notify('info', `${t.label}を保存しました。`);
        return true;
      },
      (e: Error) => {
        setError(e.message);
        return false;
      },
    );
  // An edited subject or body not yet saved: closing 設定 asks first.
  useReportUnsaved(Boolean(current) && (draft.subject !== current?.subject || draft.body !== current?.body), save);
  const reset = () => invoke('mail:resetTemplate', { kind }).then(replace, (e: Error) => setError(e.message));
  const showPreview = () =>
    invoke('mail:preview', { kind, orderNo, ...draft }).then(
      (p) => {
        setPreview(p);
        setError('');
      },
      (e: Error) => setError(e.message),
    );
  const insert = (name: string) => setDraft({ ...draft, body: `${draft.body}{{${name}}}` });
  return (
    <div className="form mail-templates" aria-label="メールテンプレート">
      <label>
        メールの種類
        <select
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as MailKind);
            pick(templates, e.target.value as MailKind);
          }}
        >
          {templates.map((t) => (
            <option key={t.kind} value={t.kind}>
              {t.label}
              {t.customized ? '' : '（初期値）'}
            </option>
          ))}
        </select>
      </label>
      <label>
        件名
        <input value={draft.subject} onChange={(e) => setDraft({ ...draft, subject: e.target.value })} />
      </label>
      <label>
        本文
        <textarea rows={12} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} />
      </label>
      <div className="placeholders" aria-label="差し込み項目">
        {PLACEHOLDERS.map((p) => (
          <button key={p.name} type="button" title={p.description} onClick={() => insert(p.name)}>
            {`{{${p.name}}}`}
          </button>
        ))}
      </div>
      <FormFooter error={error}>
        <button type="button" disabled={!current?.customized} onClick={() => void reset()}>
          初期値に戻す
        </button>
        <button type="button" onClick={() => void save()}>
          保存
        </button>
      </FormFooter>
      <div className="preview-bar">
        <label>
          プレビューする注文番号
          <input value={orderNo} onChange={(e) => setOrderNo(e.target.value)} placeholder="空欄なら最新の注文" />
        </label>
        <button type="button" onClick={() => void showPreview()}>
          プレビュー
        </button>
      </div>
      {preview ? (
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
      ) : null}
    </div>
  );
}
