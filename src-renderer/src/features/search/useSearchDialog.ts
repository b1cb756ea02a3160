import { useEffect, useState, type FormEvent } from 'react';
import { invoke } from '../../api/client.js';
import type { ScreenContext } from '../../screen/screen-context.js';
import { criteriaOf, draftOf, EMPTY_DRAFT, type CriteriaDraft } from './criteria-form.js';

/** Sets one condition of the draft. */
export type SetCondition = <K extends keyof CriteriaDraft>(key: K, value: CriteriaDraft[K]) => void;

/**
 * F5's conditions as typed (the shown search's, else the last saved; null until read) and
 * 検索: the search is run once before the dialog closes, so a mistake is shown in the dialog.
 */
export function useSearchDialog(screen: ScreenContext) {
  const [draft, setDraft] = useState<CriteriaDraft | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const shown = screen.view.kind === 'search' ? screen.view.criteria : null;
    if (shown) {
      setDraft(draftOf(shown));
      return;
    }
    invoke('ui:state', {}).then(
      (state) => setDraft(draftOf(state.lastSearch)),
      () => setDraft(EMPTY_DRAFT),
    );
    // Filled once when the dialog opens.
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Not a disabled button: focus would drop out of the dialog and Escape stop working.
    if (busy || !draft) return;
    setBusy(true);
    try {
      const criteria = criteriaOf(draft);
      if (Object.keys(criteria).length === 0) throw new Error('検索条件を1つ以上入力してください。');
      await invoke('orders:list', { criteria, limit: 1 });
      await invoke('ui:saveSearch', { criteria });
      screen.showList({ kind: 'search', criteria });
      screen.closeDialog();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { draft, setDraft, error, busy, submit };
}
