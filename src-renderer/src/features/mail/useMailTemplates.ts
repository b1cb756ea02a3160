import { useEffect, useState } from 'react';
import type { MailPreview, MailTemplate } from '../../../../src-shared/api/mail.js';
import type { MailKind } from '../../../../src-shared/domain/mail.js';
import { invoke } from '../../api/client.js';
import { useScreen } from '../../screen/screen-context.js';
import { useReportUnsaved } from '../settings/useReportUnsaved.js';

/**
 * メールテンプレート's data: the five templates, the chosen one's draft (subject, body), and its
 * actions: 保存, 初期値に戻す, a placeholder put at the body's end, and the preview on an order.
 * Closing 設定 with an edited draft not yet saved asks first.
 */
export function useMailTemplates() {
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
  const choose = (k: MailKind) => {
    setKind(k);
    pick(templates, k);
  };
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
  return {
    templates,
    kind,
    choose,
    current,
    draft,
    setDraft,
    orderNo,
    setOrderNo,
    preview,
    error,
    save,
    reset,
    showPreview,
    insert,
  };
}
