import { createContext, useContext, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary.js';
import { useLayer } from './layers.js';
import { UnsavedQuestion } from './UnsavedQuestion.js';

/** A form with edits not yet saved: closing asks 「変更を保存しますか」 first. */
export interface Unsaved {
  dirty: boolean;
  /** Saves the edits; resolves true once saved (the dialog then closes), false to stay. */
  save(): Promise<boolean>;
}

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  unsaved?: Unsaved;
}

const CloseRequest = createContext<(() => void) | null>(null);

/**
 * What a dialog's own 閉じる / 戻る buttons call: closing as Escape does, so that edits not
 * yet saved are asked about.
 */
function useDialogClose(): () => void {
  const close = useContext(CloseRequest);
  if (!close) throw new Error('useDialogClose outside a Dialog');
  return close;
}

/** A dialog's own 閉じる (or 戻る) button: closes as Escape does. */
export function CloseButton({ label = '閉じる' }: { label?: string }) {
  const close = useDialogClose();
  return (
    <button type="button" onClick={close}>
      {label}
    </button>
  );
}

/**
 * Enter on a select, a radio button or a checkbox submits its form, as it does on a text
 * field (browsers submit only from text fields), so a dialog whose first field is a list
 * is finished with Enter too.
 */
function submitOnEnter(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== 'Enter' || e.ctrlKey || e.shiftKey || e.altKey || e.nativeEvent.isComposing) return;
  const target = e.target;
  const choice =
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox'));
  if (!choice || !target.form) return;
  e.preventDefault();
  target.form.requestSubmit();
}

/**
 * A modal dialog with a proper role and name. Escape closes it wherever the focus is; focus
 * moves into it and, when it closes, back to where it came from (see layers.ts). With edits
 * not yet saved, closing asks whether to save them.
 */
export function Dialog({ title, onClose, children, footer, wide, unsaved }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [asking, setAsking] = useState(false);
  const requestClose = () => {
    if (unsaved?.dirty) setAsking(true);
    else onClose();
  };
  useLayer(ref, requestClose);
  return (
    <CloseRequest.Provider value={requestClose}>
      <div className="backdrop">
        <div
          ref={ref}
          className={wide ? 'dialog wide' : 'dialog'}
          role="dialog"
          aria-modal="true"
          aria-label={title}
          tabIndex={-1}
          onKeyDown={submitOnEnter}
        >
          <header className="dialog-head">
            <h2>{title}</h2>
            <button type="button" className="close" aria-label="閉じる" onClick={requestClose}>
              ×
            </button>
          </header>
          <div className="dialog-body">
            <ErrorBoundary>{children}</ErrorBoundary>
          </div>
          {footer ? <footer className="dialog-foot">{footer}</footer> : null}
        </div>
        {asking && unsaved ? (
          <UnsavedQuestion
            onSave={async () => {
              if (await unsaved.save()) onClose();
              else setAsking(false);
            }}
            onDiscard={onClose}
            onBack={() => setAsking(false)}
          />
        ) : null}
      </div>
    </CloseRequest.Provider>
  );
}
