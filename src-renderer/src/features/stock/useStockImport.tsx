import { useEffect, useState, type FormEvent } from 'react';
import type { FileUpload } from '../../../../src-shared/api/files.js';
import type { StockImportMode, StockImportPreview, StockMapping } from '../../../../src-shared/api/stock-import.js';
import { invoke } from '../../api/client.js';
import { readUpload } from '../files/transfer.js';
import { useImportSteps } from '../files/use-import-steps.js';
import { CoveredOrdersDialog } from './CoveredOrdersDialog.js';
import { useStockScreen } from './stock-context.js';

const n = (value: number) => value.toLocaleString('ja-JP');

/**
 * 在庫データ取込's steps: the chosen file, kind, store and column mapping; the preview (or the
 * mapping form when the headers are unknown); then 取込, after which the 欠品あり orders the new
 * stock covers are offered.
 */
export function useStockImport(ownStore: string | null, initialStore: string | undefined) {
  const stock = useStockScreen();
  const steps = useImportSteps<StockImportPreview>();
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<FileUpload | null>(null);
  const [mode, setMode] = useState<StockImportMode>('count');
  const [storeId, setStoreId] = useState(ownStore ?? initialStore ?? '');
  const [mappings, setMappings] = useState<StockMapping[]>([]);
  const [mappingId, setMappingId] = useState<number | ''>('');
  const [skipBad, setSkipBad] = useState(false);
  const { setError } = steps;

  useEffect(() => {
    invoke('stock:mappings', {}).then(setMappings, (e: Error) => setError(e.message));
  }, [setError]);

  const preview = (chosenMapping: number | '' = mappingId) =>
    steps.read(async () => {
      const read = upload ?? (await readUpload(file!));
      setUpload(read);
      const answer = await invoke('stock:importPreview', {
        file: read,
        mode,
        storeId: storeId || undefined,
        mappingId: chosenMapping === '' ? undefined : chosenMapping,
      });
      setSkipBad(false);
      return answer;
    });

  const commit = (previewId: string) =>
    steps.commit(async () => {
      const result = await invoke('stock:importCommit', { previewId, skipBad });
      stock.notify(
        `在庫データを取り込みました: 新しい商品 ${n(result.new)}件・変更 ${n(result.changed)}件・変更なし ${n(result.unchanged)}件${result.skipped ? `・除いた行 ${n(result.skipped)}行` : ''}`,
      );
      stock.changed();
      if (result.offer.orderIds.length > 0) stock.open(<CoveredOrdersDialog offer={result.offer} />);
      else stock.close();
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) setError('取り込む在庫ファイル（CSV）を選んでください。');
    else void preview();
  };

  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    setUpload(null);
  };
  const mappingSaved = (mapping: StockMapping) => {
    setMappings((list) => [...list.filter((m) => m.id !== mapping.id), mapping]);
    setMappingId(mapping.id);
    void preview(mapping.id);
  };

  return {
    steps,
    choice: { mode, setMode, storeId, setStoreId, mappings, mappingId, setMappingId, chooseFile },
    submit,
    mappingSaved,
    skipBad,
    setSkipBad,
    commit,
  };
}
