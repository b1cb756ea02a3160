import type { ImportPreview } from '../../../../src-shared/api/imports.js';

interface Props {
  preview: ImportPreview;
  busy: boolean;
  onBack(): void;
  onImport(previewId: string): void;
}

/** The preview step's buttons: 戻る to the files, 取込 (focused, so Enter imports) when there is anything to import. */
export function ImportPreviewFooter({ preview, busy, onBack, onImport }: Props) {
  return (
    <>
      <button type="button" onClick={onBack} disabled={busy}>
        戻る
      </button>
      <button
        type="button"
        // The next step once the file is read: Enter imports.
        autoFocus
        onClick={() => !busy && onImport(preview.previewId)}
        disabled={preview.counts.new + preview.counts.updated === 0}
        aria-disabled={busy}
      >
        取込
      </button>
    </>
  );
}
