import { useRef, useState } from 'react';
import { useLayer } from './layers.js';

interface Props {
  onSave(): Promise<void>;
  onDiscard(): void;
  onBack(): void;
}

/**
 * 「変更を保存しますか」 over a form with edits, asked when it is closed: 保存 (the default,
 * Enter), 破棄, 戻る (Escape) back to the form where it was.
 */
export function UnsavedQuestion({ onSave, onDiscard, onBack }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  useLayer(ref, onBack);
  return (
    <div className="backdrop">
      <div
        ref={ref}
        className="dialog question"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="unsaved-title"
        aria-describedby="unsaved-text"
        tabIndex={-1}
      >
        <header className="dialog-head">
          <h2 id="unsaved-title">変更を保存しますか</h2>
        </header>
        <p id="unsaved-text" className="dialog-body">
          保存していない変更があります。保存して閉じるか、変更を破棄して閉じるかを選んでください。
        </p>
        <footer className="dialog-foot">
          <button
            type="button"
            autoFocus
            aria-busy={busy}
            onClick={() => {
              if (busy) return;
              setBusy(true);
              void onSave().finally(() => setBusy(false));
            }}
          >
            保存
          </button>
          <button type="button" className="danger" onClick={onDiscard}>
            破棄
          </button>
          <button type="button" onClick={onBack}>
            戻る
          </button>
        </footer>
      </div>
    </div>
  );
}
