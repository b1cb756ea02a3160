import { Dialog } from '../../components/Dialog.js';
import { useScreen } from '../../screen/screen-context.js';
import { ImportFileForm } from './ImportFileForm.js';
import { ImportPreviewFooter } from './ImportPreviewFooter.js';
import { ImportPreviewView } from './ImportPreviewView.js';
import { MappingForm } from './MappingForm.js';
import { FormError } from '../../components/FormError.js';
import { useImportDialog } from './useImportDialog.js';

/**
 * F1 Yahoo!オークションCSV取込 (S7): choose the file(s), see what would happen (new, already
 * imported, rejected lines with reasons), then 取込 in one go. Amazon's report, 楽天's order
 * data and any layout with a saved mapping come in the same way.
 */
export function ImportDialog() {
  const screen = useScreen();
  const {
    step,
    setStep,
    channel,
    mappings,
    mappingId,
    busy,
    error,
    choose,
    commit,
    chooseFiles,
    submit,
    mappingSaved,
  } = useImportDialog(screen);
  const footer =
    step.kind === 'preview' ? (
      <ImportPreviewFooter
        preview={step.preview}
        busy={!!busy}
        onBack={() => setStep({ kind: 'choose' })}
        onImport={(previewId) => void commit(previewId)}
      />
    ) : null;
  return (
    <Dialog title="Yahoo!オークションCSV取込" onClose={screen.closeDialog} wide footer={footer}>
      {step.kind === 'choose' ? (
        <ImportFileForm
          channel={channel}
          mappingId={mappingId}
          mappings={mappings}
          busy={!!busy}
          onFiles={chooseFiles}
          onChoose={choose}
          onSubmit={submit}
        />
      ) : step.kind === 'mapping' ? (
        <MappingForm
          fileName={step.needs.fileName}
          headers={step.needs.headers}
          message={step.needs.message}
          onCancel={() => setStep({ kind: 'choose' })}
          onSaved={mappingSaved}
        />
      ) : (
        <ImportPreviewView preview={step.preview} />
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
