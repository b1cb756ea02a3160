import { useState } from 'react';
import { useTask } from './use-task.js';

/** The server's answer when a file's columns are not known: the clerk maps its headers. */
export interface NeedsMapping {
  kind: 'needs_mapping';
  fileName: string;
  headers: string[];
  message: string;
}

/** Where an import with a preview stands: choosing the file, mapping its columns, or the preview. */
export type ImportStep<Preview> =
  { kind: 'choose' } | { kind: 'mapping'; needs: NeedsMapping } | { kind: 'preview'; preview: Preview };

const isPreview = <Preview extends { kind: 'preview' }>(read: Preview | NeedsMapping): read is Preview =>
  read.kind === 'preview';

/**
 * An import's steps with one task at a time: reading the file into its preview (or into the
 * mapping form when its columns are not known), committing the preview, going back to the file.
 */
export function useImportSteps<Preview extends { kind: 'preview' }>() {
  const [step, setStep] = useState<ImportStep<Preview>>({ kind: 'choose' });
  const { busy, status, error, setError, run } = useTask();

  /** Reads the file with `load` (the preview call) and shows what it answered. */
  const read = (load: () => Promise<Preview | NeedsMapping>) =>
    run(async () => {
      const answer = await load();
      setStep(isPreview(answer) ? { kind: 'preview', preview: answer } : { kind: 'mapping', needs: answer });
    }, 'ファイルを読み込んでいます…');

  /** Imports the previewed file with `save`, which closes the dialog or moves on. */
  const commit = (save: () => Promise<void>) => run(save, '取り込んでいます…');

  const backToChoose = () => setStep({ kind: 'choose' });

  return { step, backToChoose, busy, status, error, setError, read, commit };
}

export type ImportSteps<Preview extends { kind: 'preview' }> = ReturnType<typeof useImportSteps<Preview>>;
