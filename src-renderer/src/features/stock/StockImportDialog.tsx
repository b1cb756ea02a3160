import { useEffect, useState, type FormEvent } from 'react';
import type { FileUpload } from '../../../../src-shared/api/files.js';
import {
  STOCK_IMPORT_MODE_LABELS,
  STOCK_IMPORT_MODES,
  type StockImportMode,
  type StockImportNeedsMapping,
  type StockImportPreview,
  type StockMapping,
} from '../../../../src-shared/api/stock-import.js';
import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { FormError } from '../../components/FormError.js';
import { readUpload } from '../files/transfer.js';
import { CoveredOrdersDialog } from './CoveredOrdersDialog.js';
import { StockImportPreviewView } from './StockImportPreviewView.js';
import { StockMappingForm } from './StockMappingForm.js';
import { useStockScreen } from './stock-context.js';

type Step =
  | { kind: 'choose' }
  | { kind: 'mapping'; needs: StockImportNeedsMapping }
  | { kind: 'preview'; preview: StockImportPreview };

const n = (value: number) => value.toLocaleString('ja-JP');

/**
 * 在庫データ取込: choose the file and 棚卸 or 入荷, see what would change (and which lines are
 * wrong, by line number), then 取込 in one transaction — or go back and change nothing.
 */
export function StockImportDialog({ ownStore, initialStore }: { ownStore: string | null; initialStore?: string }) {
  const stock = useStockScreen();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<FileUpload | null>(null);
  const [mode, setMode] = useState<StockImportMode>('count');
  const [storeId, setStoreId] = useState(ownStore ?? initialStore ?? '');
  const [mappings, setMappings] = useState<StockMapping[]>([]);
  const [mappingId, setMappingId] = useState<number | ''>('');
  const [skipBad, setSkipBad] = useState(false);
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    invoke('stock:mappings', {}).then(setMappings, (e: Error) => setError(e.message));
  }, []);

  const preview = async (chosenMapping: number | '' = mappingId) => {
    setError('');
    setBusy('ファイルを読み込んでいます…');
    try {
      const read = upload ?? (await readUpload(file!));
      setUpload(read);
      const result = await invoke('stock:importPreview', {
        file: read,
        mode,
        storeId: storeId || undefined,
        mappingId: chosenMapping === '' ? undefined : chosenMapping,
      });
      setSkipBad(false);
      setStep(result.kind === 'preview' ? { kind: 'preview', preview: result } : { kind: 'mapping', needs: result });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy('');
    }
  };

  const commit = async (previewId: string) => {
    setError('');
    setBusy('取り込んでいます…');
    try {
      const result = await invoke('stock:importCommit', { previewId, skipBad });
      stock.notify(
        `在庫データを取り込みました: 新しい商品 ${n(result.new)}件・変更 ${n(result.changed)}件・変更なし ${n(result.unchanged)}件${result.skipped ? `・除いた行 ${n(result.skipped)}行` : ''}`,
      );
      stock.changed();
      if (result.offer.orderIds.length > 0) stock.open(<CoveredOrdersDialog offer={result.offer} />);
      else stock.close();
    } catch (e) {
      setError((e as Error).message);
      setBusy('');
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) setError('取り込む在庫ファイル（CSV）を選んでください。');
    else void preview();
  };

  const previewed = step.kind === 'preview' ? step.preview : null;
  const footer = previewed ? (
    <>
      {previewed.counts.bad > 0 ? (
        <label className="check">
          <input type="checkbox" checked={skipBad} onChange={(e) => setSkipBad(e.target.checked)} />
          誤りのある{n(previewed.counts.bad)}行を除いて取り込む
        </label>
      ) : null}
      <button
        type="button"
        autoFocus
        onClick={() => void commit(previewed.previewId)}
        disabled={
          !!busy || (previewed.counts.bad > 0 && !skipBad) || previewed.counts.new + previewed.counts.changed === 0
        }
      >
        取込
      </button>
      <button type="button" onClick={() => setStep({ kind: 'choose' })} disabled={!!busy}>
        戻る
      </button>
    </>
  ) : null;

  return (
    <Dialog title="在庫データ取込" onClose={stock.close} wide footer={footer}>
      {step.kind === 'choose' ? (
        <form className="form" onSubmit={submit} aria-label="取り込む在庫ファイル">
          <label>
            在庫ファイル（CSV・TSV）
            <input
              type="file"
              autoFocus
              accept=".csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setUpload(null);
              }}
            />
          </label>
          <fieldset>
            <legend>取込の種類</legend>
            {STOCK_IMPORT_MODES.map((m) => (
              <label key={m} className="radio">
                <input type="radio" name="stock-mode" checked={mode === m} onChange={() => setMode(m)} />
                {STOCK_IMPORT_MODE_LABELS[m]}
              </label>
            ))}
          </fieldset>
          <label>
            店舗の列がない行の店舗
            <select value={storeId} onChange={(e) => setStoreId(e.target.value)} disabled={ownStore !== null}>
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
              onChange={(e) => setMappingId(e.target.value === '' ? '' : Number(e.target.value))}
            >
              <option value="">見出し名で自動判別（商品コード・在庫数・店舗・棚番・商品名・JAN）</option>
              {mappings.map((m) => (
                <option key={m.id} value={m.id}>
                  マッピング: {m.name}
                </option>
              ))}
            </select>
          </label>
          <p className="form-hint">文字コード（Shift_JIS・UTF-8）と区切り（カンマ・タブ）は自動で判別します。</p>
          <div className="form-actions">
            <button type="submit" disabled={!!busy}>
              読込
            </button>
          </div>
        </form>
      ) : step.kind === 'mapping' ? (
        <StockMappingForm
          fileName={step.needs.fileName}
          headers={step.needs.headers}
          message={step.needs.message}
          onCancel={() => setStep({ kind: 'choose' })}
          onSaved={(mapping) => {
            setMappings((list) => [...list.filter((m) => m.id !== mapping.id), mapping]);
            setMappingId(mapping.id);
            void preview(mapping.id);
          }}
        />
      ) : (
        <StockImportPreviewView preview={step.preview} />
      )}
      {busy ? (
        <p role="status" className="form-hint">
          {busy}
        </p>
      ) : null}
      <FormError message={error} />
    </Dialog>
  );
}
