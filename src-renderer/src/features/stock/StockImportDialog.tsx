import { Dialog } from '../../components/Dialog.js';
import { FormError } from '../../components/FormError.js';
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
  const { step, backToChoose, choice, submit, mappingSaved, skipBad, setSkipBad, commit, busy, error } = useStockImport(
    ownStore,
    initialStore,
  );
  const footer =
    step.kind === 'preview' ? (
      <StockImportFooter
        preview={step.preview}
        skipBad={skipBad}
        onSkipBad={setSkipBad}
        busy={!!busy}
        onCommit={(previewId) => void commit(previewId)}
        onBack={backToChoose}
      />
    ) : null;
  return (
    <Dialog title="在庫データ取込" onClose={stock.close} wide footer={footer}>
      {step.kind === 'choose' ? (
        <StockImportChooseForm choice={choice} ownStore={ownStore} busy={!!busy} onSubmit={submit} />
      ) : step.kind === 'mapping' ? (
        <StockMappingForm
          fileName={step.needs.fileName}
          headers={step.needs.headers}
          message={step.needs.message}
          onCancel={backToChoose}
          onSaved={mappingSaved}
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
