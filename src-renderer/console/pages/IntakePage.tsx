import { CHANNELS, type Channel } from '../../../src-shared/domain/channels.js';
import { FormError } from '../../src/components/FormError.js';
import { ImportPreviewView } from '../../src/features/imports/ImportPreviewView.js';
import type { PageProps } from '../page-props.js';
import { StoreSelect } from '../StoreSelect.js';
import { ConnectorsSection } from './ConnectorsSection.js';
import { useFileIntake } from './useFileIntake.js';
import { ChannelOptions } from '../../src/components/ChannelOptions.js';

/**
 * 取込: a channel's order file (Yahoo!オークション CSV, Yahoo! store CSV, Amazon report)
 * uploaded to the central server, with F1's preview; 取込 sends the new orders to their store.
 */
function FileIntake({ canWrite }: PageProps) {
  const {
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
  } = useFileIntake();
  if (!canWrite) return <p>ファイルの取込は管理者のアカウントで行います。</p>;
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
            <ChannelOptions channels={CHANNELS.filter((c) => c === 'yahoo_auction' || c === 'yahoo_shopping')} />
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

/** 取込: the channel connectors and their runs, then a channel file uploaded with F1's preview. */
export function IntakePage(props: PageProps) {
  return (
    <>
      <ConnectorsSection canWrite={props.canWrite} />
      <FileIntake {...props} />
    </>
  );
}
