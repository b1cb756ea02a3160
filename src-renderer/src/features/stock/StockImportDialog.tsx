import { ImportStepsDialog } from '../files/ImportStepsDialog.js';
import { StockImportChooseForm } from './StockImportChooseForm.js';
import { StockImportFooter } from './StockImportFooter.js';
import { StockImportPreviewView } from './StockImportPreviewView.js';
import { StockMappingForm } from './StockMappingForm.js';
import { useStockScreen } from './stock-context.js';
import { useStockImport } from './useStockImport.js';

/**
 * 在庫データ取込: choose the file and 棚卸 or 入荷, see what would change (and which lines are
 * wrong, by line number), then 取込 in one transaction — or go back and change nothing.
 */
export function StockImportDialog({ ownStore, initialStore }: { ownStore: string | null; initialStore?: string }) {
  const stock = useStockScreen();
  const { steps, choice, submit, mappingSaved, skipBad, setSkipBad, commit } = useStockImport(ownStore, initialStore);
  return (
    <ImportStepsDialog
      title="在庫データ取込"
      onClose={stock.close}
      steps={steps}
      chooseForm={<StockImportChooseForm choice={choice} ownStore={ownStore} busy={steps.busy} onSubmit={submit} />}
      MappingForm={StockMappingForm}
      onMappingSaved={mappingSaved}
      PreviewView={StockImportPreviewView}
      previewFooter={(preview) => (
        <StockImportFooter
          preview={preview}
          skipBad={skipBad}
          onSkipBad={setSkipBad}
          busy={steps.busy}
          onCommit={(previewId) => void commit(previewId)}
          onBack={steps.backToChoose}
        />
      )}
    />
  );
}
