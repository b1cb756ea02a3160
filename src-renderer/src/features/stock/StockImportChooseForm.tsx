import type { FormEvent } from 'react';
import {
  STOCK_IMPORT_MODE_LABELS,
  STOCK_IMPORT_MODES,
  type StockImportMode,
  type StockMapping,
} from '../../../../src-shared/api/stock-import.js';
import { useStockScreen } from './stock-context.js';

export interface StockImportChoice {
  mode: StockImportMode;
  setMode(mode: StockImportMode): void;
  storeId: string;
  setStoreId(storeId: string): void;
  mappings: StockMapping[];
  mappingId: number | '';
  setMappingId(mappingId: number | ''): void;
  chooseFile(file: File | null): void;
}

/** 取り込む在庫ファイル: the file, 棚卸 or 入荷, the store of rows without one, and how columns are found. */
export function StockImportChooseForm({
  choice,
  ownStore,
  busy,
  onSubmit,
}: {
  choice: StockImportChoice;
  ownStore: string | null;
  busy: boolean;
  onSubmit: (e: FormEvent) => void;
}) {
  const stock = useStockScreen();
  const { mode, storeId, mappingId } = choice;
  return (
    <form className="form" onSubmit={onSubmit} aria-label="取り込む在庫ファイル">
      <label>
        在庫ファイル（CSV・TSV）
        <input
          type="file"
          autoFocus
          accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"
          onChange={(e) => choice.chooseFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <fieldset>
        <legend>取込の種類</legend>
        {STOCK_IMPORT_MODES.map((m) => (
          <label key={m} className="radio">
            <input type="radio" name="stock-mode" checked={mode === m} onChange={() => choice.setMode(m)} />
            {STOCK_IMPORT_MODE_LABELS[m]}
          </label>
        ))}
      </fieldset>
      <label>
        店舗の列がない行の店舗
        <select value={storeId} onChange={(e) => choice.setStoreId(e.target.value)} disabled={ownStore !== null}>
          <option value="">（店舗の列で指定）</option>
          {[...stock.storeNames].map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        列の見つけ方
        <select
          value={mappingId}
          onChange={(e) => choice.setMappingId(e.target.value === '' ? '' : Number(e.target.value))}
        >
          <option value="">見出し名で自動判別（商品コード・在庫数・店舗・棚番・商品名・JAN）</option>
          {choice.mappings.map((m) => (
            <option key={m.id} value={m.id}>
              マッピング: {m.name}
            </option>
          ))}
        </select>
      </label>
      <p className="form-hint">文字コード（Shift_JIS・UTF-8）と区切り（カンマ・タブ）は自動で判別します。</p>
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          読込
        </button>
      </div>
    </form>
  );
}
