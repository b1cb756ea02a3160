import { useState, type ReactNode } from 'react';
import type { BulkResult } from '../../../../src-shared/domain/order.js';
import { Dialog } from '../../components/Dialog.js';
import { useScreen } from '../../screen/screen-context.js';
import { reportBulk } from './bulk.js';

/** Runs a bulk call once, reports it, and keeps the dialog open with the message if it fails. */
export function useBulkSubmit(title: string) {
  const screen = useScreen();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (call: () => Promise<BulkResult>) => {
    setBusy(true);
    try {
      reportBulk(screen, title, await call());
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  return { error, setError, busy, submit };
}

export function operationFormId(title: string): string {
  return `op-form-${title}`;
}

interface Props {
  title: string;
  submitLabel: string;
  danger?: boolean;
  wide?: boolean;
  /** For a plain confirmation: Enter confirms at once. */
  autoFocusSubmit?: boolean;
  busy: boolean;
  error: string | null;
  onSubmit(): void;
  children: ReactNode;
}

/** The frame of every operation dialog: a form, its error line, 実行 and 戻る. */
export function OperationDialog({
  title,
  submitLabel,
  danger,
  wide,
  autoFocusSubmit,
  busy,
  error,
  onSubmit,
  children,
}: Props) {
  const screen = useScreen();
  const formId = operationFormId(title);
  return (
    <Dialog
      title={title}
      onClose={screen.closeDialog}
      wide={wide}
      footer={
        <>
          <button
            type="submit"
            form={formId}
            className={danger ? 'danger' : undefined}
            disabled={busy}
            autoFocus={autoFocusSubmit}
          >
            {submitLabel}
          </button>
          <button type="button" onClick={screen.closeDialog}>
            戻る
          </button>
        </>
      }
    >
      <form
        id={formId}
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) onSubmit();
        }}
      >
        {children}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
