import { useState, type FormEvent } from 'react';
import type { FileUpload } from '../../../../src-shared/api/files.js';
import type { ImportMapping, ImportPreview } from '../../../../src-shared/api/imports.js';
import { invoke } from '../../api/client.js';
import type { ScreenContext } from '../../screen/screen-context.js';
import { readUpload } from '../files/transfer.js';
import { useImportSteps } from '../files/use-import-steps.js';
import { useImportChoice } from './useImportChoice.js';

/**
 * F1's steps and what they need: the files (read once), the 販路 and layout (useImportChoice),
 * reading the preview and importing it.
 */
export function useImportDialog(screen: ScreenContext) {
  const steps = useImportSteps<ImportPreview>();
  const [files, setFiles] = useState<File[]>([]);
  const [uploads, setUploads] = useState<FileUpload[] | null>(null);
  const choice = useImportChoice(steps.setError);
  const { channel, mappingId } = choice;

  const preview = (chosenMapping: number | '' = mappingId, chosenFiles?: File[]) =>
    steps.read(async () => {
      const read = (!chosenFiles && uploads) || (await Promise.all((chosenFiles ?? files).map(readUpload)));
      setUploads(read);
      return invoke('imports:preview', {
        files: read,
        channel,
        mappingId: chosenMapping === '' ? undefined : chosenMapping,
      });
    });

  const commit = (previewId: string) =>
    steps.commit(async () => {
      const result = await invoke('imports:commit', { previewId });
      screen.closeDialog();
      screen.notify(
        'info',
        `取込が終わりました: 新規 ${result.inserted.toLocaleString('ja-JP')}件・更新 ${result.updated.toLocaleString('ja-JP')}件・変更なし ${result.unchanged.toLocaleString('ja-JP')}件${result.rejected ? `・取り込まなかった注文 ${result.rejected.toLocaleString('ja-JP')}件` : ''}`,
      );
    });

  /** Chosen files are read at once; 読込 reads them again (after changing the layout, say). */
  const chooseFiles = (chosen: File[]) => {
    setFiles(chosen);
    setUploads(null);
    if (chosen.length > 0) void preview(mappingId, chosen);
  };

  /** A mapping saved for the file's layout: offered from now on, chosen, and the file read with it. */
  const mappingSaved = (mapping: ImportMapping) => {
    choice.setMappings((list) => [...list.filter((m) => m.id !== mapping.id), mapping]);
    choice.choose({ channel, mappingId: mapping.id });
    void preview(mapping.id);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (files.length === 0) steps.setError('取り込む CSV ファイルを選んでください。');
    else void preview();
  };
  return { steps, choice, commit, chooseFiles, submit, mappingSaved };
}
