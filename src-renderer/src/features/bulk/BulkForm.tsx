import { useState, type FormEvent, type ReactNode } from 'react';
import type { BulkChangeResult } from '../../../../src-shared/api/bulk.js';
import { Dialog } from '../../components/Dialog.js';
import { useScreen } from '../../screen/screen-context.js';
import { reportBulkChange } from './result.js';
import { FormError } from '../../components/FormError.js';

interface Props {
  title: string;
  /** How many orders the change is for, said above the fields. */
  count: number;
  apply(): Promise<BulkChangeResult>;
  children: ReactNode;
}

/** A bulk change's dialog: what it is for, its fields, 変更する / キャンセル, errors in place. */
export function BulkForm({ title, count, apply, children }: Props) {
  const screen = useScreen();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Not a disabled button: focus would drop out of the dialog and Escape stop working.
    if (busy) return;
    setBusy(true);
    apply().then(
      (result) => reportBulkChange(screen, title, result),
      (err: Error) => {
        setBusy(false);
        setError(err.message);
      },
    );
  };
  return (
    <Dialog
      title={title}
      onClose={screen.closeDialog}
      footer={
        <>
          <button type="button" onClick={screen.closeDialog}>
            キャンセル
          </button>
          <button type="submit" form="bulk-form" aria-busy={busy}>
            変更する
          </button>
        </>
      }
    >
      <form id="bulk-form" className="form" onSubmit={submit}>
        <p className="form-hint">対象: {count.toLocaleString('ja-JP')}件の注文</p>
        {children}
        <FormError message={error} />
      </form>
    </Dialog>
  );
}
