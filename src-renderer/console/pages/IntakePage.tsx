import { useState, type FormEvent } from 'react';
import type { ImportNeedsMapping, ImportPreview } from '../../../src-shared/api/imports.js';
import { CHANNEL_LABELS, CHANNELS, type Channel } from '../../../src-shared/domain/channels.js';
import { FormError } from '../../src/components/FormError.js';
import { ImportPreviewView } from '../../src/features/imports/ImportPreviewView.js';
import { readUpload } from '../../src/features/files/transfer.js';
import { call } from '../api.js';
import type { PageProps } from '../page-props.js';
import { StoreSelect } from '../StoreSelect.js';

/**
 * 取込: a channel's order file (Yahoo!オークション CSV, Yahoo! store CSV, Amazon report)
 * uploaded to the central server, with F1's preview; 取込 sends the new orders to their store.
 */
export function IntakePage({ canWrite }: PageProps) {
  const [files, setFiles] = useState<File[]>([]);
  const [channel, setChannel] = useState<Channel>('yahoo_auction');
  const [storeId, setStoreId] = useState('');
  const [preview, setPreview] = useState<ImportPreview | ImportNeedsMapping | null>(null);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  if (!canWrite) return <p>ファイルの取込は管理者のアカウントで行います。</p>;
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
  return (
    <>
      <form className="console-section page-tools" onSubmit={check} aria-label="ファイル取込">
        <label>
          注文ファイル（注文＋商品の2つまで）
          <input
            type="file"
            accept=".csv,.txt,.tsv"
            multiple
            onChange={(e) => (setFiles(Array.from(e.target.files ?? []).slice(0, 2)), setPreview(null))}
          />
        </label>
        <label>
          販売チャネル（Yahoo! の CSV）
          <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)}>
            {CHANNELS.filter((c) => c === 'yahoo_auction' || c === 'yahoo_shopping').map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          出荷店舗
          <StoreSelect value={storeId} onChange={setStoreId}>
            <option value="">未指定（本部で割り当て）</option>
          </StoreSelect>
        </label>
        <button type="submit" disabled={busy || files.length === 0}>
          {busy ? '確認中…' : '内容を確認'}
        </button>
      </form>
      <FormError message={error} />
      {done ? (
        <p role="status" className="console-section">
          {done}
        </p>
      ) : null}
      {preview?.kind === 'preview' ? (
        <section className="console-section" aria-label="取込の確認">
          <ImportPreviewView preview={preview} />
          <button type="button" onClick={commit} disabled={busy || preview.counts.new === 0}>
            取込
          </button>
        </section>
      ) : null}
    </>
  );
}
