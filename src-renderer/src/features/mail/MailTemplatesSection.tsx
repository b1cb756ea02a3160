import { PLACEHOLDERS, type MailKind } from '../../../../src-shared/domain/mail.js';
import { FormFooter } from '../settings/FormFooter.js';
import { MailPreviewView } from './MailPreviewView.js';
import { useMailTemplates } from './useMailTemplates.js';

/** メールテンプレート: the five mails' subject and body, placeholders, preview on a real order. */
export function MailTemplatesSection() {
  const { templates, kind, choose, current, draft, setDraft, orderNo, setOrderNo, preview, error, ...actions } =
    useMailTemplates();
  return (
    <div className="form mail-templates" aria-label="メールテンプレート">
      <label>
        メールの種類
        <select value={kind} onChange={(e) => choose(e.target.value as MailKind)}>
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
          <button key={p.name} type="button" title={p.description} onClick={() => actions.insert(p.name)}>
            {`{{${p.name}}}`}
          </button>
        ))}
      </div>
      <FormFooter error={error}>
        <button type="button" disabled={!current?.customized} onClick={() => void actions.reset()}>
          初期値に戻す
        </button>
        <button type="button" onClick={() => void actions.save()}>
          保存
        </button>
      </FormFooter>
      <div className="preview-bar">
        <label>
          プレビューする注文番号
          <input value={orderNo} onChange={(e) => setOrderNo(e.target.value)} placeholder="空欄なら最新の注文" />
        </label>
        <button type="button" onClick={() => void actions.showPreview()}>
          プレビュー
        </button>
      </div>
      {preview ? <MailPreviewView preview={preview} /> : null}
    </div>
  );
}
