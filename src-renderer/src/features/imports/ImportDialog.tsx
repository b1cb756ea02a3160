import { useScreen } from '../../screen/screen-context.js';
import { ImportStepsDialog } from '../files/ImportStepsDialog.js';
import { ImportFileForm } from './ImportFileForm.js';
import { ImportPreviewFooter } from './ImportPreviewFooter.js';
import { ImportPreviewView } from './ImportPreviewView.js';
import { MappingForm } from './MappingForm.js';
import { useImportDialog } from './useImportDialog.js';

/**
 * F1 Yahoo!オークションCSV取込 (S7): choose the file(s), see what would happen (new, already
 * imported, rejected lines with reasons), then 取込 in one go. Amazon's report, 楽天's order
 * data and any layout with a saved mapping come in the same way.
 */
export function ImportDialog() {
  const screen = useScreen();
  const { steps, choice, commit, chooseFiles, submit, mappingSaved } = useImportDialog(screen);
  return (
    <ImportStepsDialog
      title="Yahoo!オークションCSV取込"
      onClose={screen.closeDialog}
      steps={steps}
      chooseForm={
        <ImportFileForm
          channel={choice.channel}
          mappingId={choice.mappingId}
          mappings={choice.mappings}
          busy={steps.busy}
          onFiles={chooseFiles}
          onChoose={choice.choose}
          onSubmit={submit}
        />
      }
      MappingForm={MappingForm}
      onMappingSaved={mappingSaved}
      PreviewView={ImportPreviewView}
      previewFooter={(preview) => (
        <ImportPreviewFooter
          preview={preview}
          busy={steps.busy}
          onBack={steps.backToChoose}
          onImport={(previewId) => void commit(previewId)}
        />
      )}
    />
  );
}
