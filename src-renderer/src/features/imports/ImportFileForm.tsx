import type { FormEvent } from 'react';
import type { ImportMapping } from '../../../../src-shared/api/imports.js';
import { CHANNEL_LABELS } from '../../../../src-shared/domain/channels.js';
import type { YahooChannel } from './useImportChoice.js';

interface Props {
  channel: YahooChannel;
  mappingId: number | '';
  mappings: ImportMapping[];
  busy: boolean;
  onFiles(chosen: File[]): void;
  onChoose(next: { channel: YahooChannel; mappingId: number | '' }): void;
  onSubmit(e: FormEvent): void;
}

/** F1's first step: the CSV file(s), the 販路 for Yahoo!'s CSV and the file layout (automatic or a saved mapping). */
export function ImportFileForm({ channel, mappingId, mappings, busy, onFiles, onChoose, onSubmit }: Props) {
  return (
    <form className="form" onSubmit={onSubmit} aria-label="取り込むファイル">
      <label>
        CSVファイル
        <input
          type="file"
          multiple
          autoFocus
          accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"
          onChange={(e) => onFiles([...(e.target.files ?? [])])}
        />
      </label>
      <p className="form-hint">
        Yahoo! ストアの注文CSV（1ファイル、または注文ファイルと商品ファイルの2つ）、Amazon
        の未出荷注文レポート、楽天市場の受注データ（楽天ペイ）、またはマッピングを保存した形式。文字コード（Shift_JIS・UTF-8）は自動で判別します。
      </p>
      <label>
        販路（Yahoo! の CSV のとき）
        <select value={channel} onChange={(e) => onChoose({ channel: e.target.value as YahooChannel, mappingId })}>
          <option value="yahoo_auction">{CHANNEL_LABELS.yahoo_auction}</option>
          <option value="yahoo_shopping">{CHANNEL_LABELS.yahoo_shopping}</option>
        </select>
      </label>
      <label>
        ファイルの形式
        <select
          value={mappingId}
          onChange={(e) => onChoose({ channel, mappingId: e.target.value === '' ? '' : Number(e.target.value) })}
        >
          <option value="">自動判別（Yahoo! / Amazon / 楽天）</option>
          {mappings.map((m) => (
            <option key={m.id} value={m.id}>
              マッピング: {m.name}（{CHANNEL_LABELS[m.channel]}）
            </option>
          ))}
        </select>
      </label>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          読込
        </button>
      </div>
    </form>
  );
}
