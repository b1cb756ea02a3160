import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { POSTAL_WARNING, type EditableOrderDetail } from '../../../../src-shared/api/detail.js';
import { invoke } from '../../api/client.js';
import type { ScreenContext } from '../../screen/screen-context.js';
import { checkDraft, draftOf, sameDraft, type Draft } from './draft.js';

/**
 * F12's order and its edits: loaded once per order (an error closes the dialog), checked as
 * the clerk types, and saved with the 郵便番号 question the main process may ask first.
 */
export function useOrderDetail(orderId: number, screen: ScreenContext) {
  const [detail, setDetail] = useState<EditableOrderDetail | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [postalWarning, setPostalWarning] = useState<string | null>(null);

  const show = (next: EditableOrderDetail) => {
    setDetail(next);
    setDraft(draftOf(next));
  };
  useEffect(() => {
    invoke('detail:get', { id: orderId }).then(show, (e: Error) => {
      screen.notify('error', e.message);
      screen.closeDialog();
    });
    // Load once per order; the screen object changes on every render.
  }, [orderId]);

  const checked = useMemo(() => (detail && draft ? checkDraft(detail, draft) : null), [detail, draft]);
  // Once the order is in: the focus on サブステータス, the field a clerk changes most.
  const form = useRef<HTMLFormElement>(null);
  const loaded = detail !== null;
  useEffect(() => {
    if (loaded) form.current?.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
  }, [loaded]);

  const dirty = detail !== null && draft !== null && !sameDraft(draft, draftOf(detail));
  const edit = (patch: Partial<Draft>) => {
    setServerError(null);
    setPostalWarning(null);
    if (draft) setDraft({ ...draft, ...patch });
  };

  /** Saves the edits; true once they are saved (false: an error is shown, the edits stay). */
  const save = async (acceptPostalWarning = false): Promise<boolean> => {
    if (!dirty) return true;
    if (!checked?.input || saving) return false;
    setSaving(true);
    setPostalWarning(null);
    try {
      const saved = await invoke('detail:save', { ...checked.input, acceptPostalWarning });
      show(saved.detail);
      screen.notify(
        'info',
        saved.changes.length
          ? `注文 ${detail.order.orderNo} の${saved.changes.length}項目を変更しました。`
          : '変更はありませんでした。',
      );
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === POSTAL_WARNING) setPostalWarning((e as Error).message);
      else setServerError((e as Error).message);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };
  const saveOnCtrlEnter = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && e.ctrlKey) {
      e.preventDefault();
      void save();
    }
  };

  const errors = checked ? (serverError ? [serverError, ...checked.errors] : checked.errors) : [];
  const formProps = { ref: form, onSubmit: submit, onKeyDown: saveOnCtrlEnter };
  return { detail, draft, checked, dirty, edit, save, saving, errors, postalWarning, setPostalWarning, formProps };
}
