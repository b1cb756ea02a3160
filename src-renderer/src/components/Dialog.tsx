import { useEffect, useRef, type ReactNode } from 'react';
import { ErrorBoundary } from './ErrorBoundary.js';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}

/** A modal dialog with a proper role and name; Escape closes it, focus moves into it. */
export function Dialog({ title, onClose, children, footer, wide }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A field inside that took focus itself (autoFocus) keeps it.
    if (!ref.current?.contains(document.activeElement)) ref.current?.focus();
  }, []);
  return (
    <div className="backdrop">
      <div
        ref={ref}
        className={wide ? 'dialog wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <header className="dialog-head">
          <h2>{title}</h2>
          <button type="button" className="close" aria-label="閉じる" onClick={onClose}>
            ×
          </button>
        </header>
        <div className="dialog-body">
          <ErrorBoundary>{children}</ErrorBoundary>
        </div>
        {footer ? <footer className="dialog-foot">{footer}</footer> : null}
      </div>
    </div>
  );
}
