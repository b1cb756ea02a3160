import { useState, type FormEvent } from 'react';
import type { ImportNeedsMapping, ImportPreview } from '../../../src-shared/api/imports.js';
import type { Channel } from '../../../src-shared/domain/channels.js';
import { readUpload } from '../../src/features/files/transfer.js';
import { call } from '../api.js';

/** ファイル取込: the chosen files, channel and store, checking them (F1's preview) and 取込 of the checked orders. */
export function useFileIntake() {
  const [files, setFiles] = useState<File[]>([]);
  const [channel, setChannel] = useState<Channel>('yahoo_auction');
  const [storeId, setStoreId] = useState('');
  const [preview, setPreview] = useState<ImportPreview | ImportNeedsMapping | null>(null);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const check = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setDone('');
    Promise.all(files.map(readUpload))
      .then((uploads) => call('console:intakePreview', { files: uploads, channel, storeId: storeId || null }))
      .then(
        (p) => {
          setPreview(p);
          setError(p.kind === 'needs_mapping' ? p.message : '');
        },
        (err: Error) => (setPreview(null), setError(err.message)),
      )
      .finally(() => setBusy(false));
  };
  const commit = () => {
    if (preview?.kind !== 'preview') return;
    setBusy(true);
    call('console:intakeCommit', { previewId: preview.previewId })
      .then(
        (r) => {
          setPreview(null);
          setError('');
          setDone(
            `取込が完了しました：新規 ${r.inserted.toLocaleString('ja-JP')}件・登録済み ${r.unchanged.toLocaleString('ja-JP')}件・エラー ${r.rejected.toLocaleString('ja-JP')}件。店舗の PC には次の同期で届きます。`,
          );
        },
        (err: Error) => setError(err.message),
      )
      .finally(() => setBusy(false));
  };
  return {
    files,
    setFiles,
    channel,
    setChannel,
    storeId,
    setStoreId,
    preview,
    setPreview,
    error,
    done,
    busy,
    check,
    commit,
  };
}
