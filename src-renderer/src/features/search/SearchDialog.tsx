import { Dialog } from '../../components/Dialog.js';
import { FormError } from '../../components/FormError.js';
import { useScreen } from '../../screen/screen-context.js';
import { EMPTY_DRAFT, type CriteriaDraft } from './criteria-form.js';
import { SearchCheckGroups } from './SearchCheckGroups.js';
import { SearchTextFields } from './SearchTextFields.js';
import { useSearchDialog } from './useSearchDialog.js';

/**
 * F5 注文検索 (S10): every condition, all applying together. Opens with the last conditions;
 * the conditions are checked by running the search before the dialog closes, so a mistake
 * is shown here, next to the fields, and the list stays as it was.
 */
export function SearchDialog() {
  const screen = useScreen();
  const { masters } = screen;
  const { draft, setDraft, error, busy, submit } = useSearchDialog(screen);
  if (!draft) return null;
  const set = <K extends keyof CriteriaDraft>(key: K, value: CriteriaDraft[K]) => setDraft({ ...draft, [key]: value });
  return (
    <Dialog
      title="注文検索"
      onClose={screen.closeDialog}
      wide
      footer={
        <>
          <button type="button" onClick={() => setDraft(EMPTY_DRAFT)}>
            条件をクリア
          </button>
          <button type="button" onClick={screen.closeDialog}>
            キャンセル
          </button>
          <button type="submit" form="search-form" aria-busy={busy}>
            検索
          </button>
        </>
      }
    >
      <form id="search-form" className="search-form" onSubmit={submit}>
        <SearchTextFields draft={draft} set={set} />
        <SearchCheckGroups draft={draft} masters={masters} set={set} />
        <FormError message={error} />
      </form>
    </Dialog>
  );
}
