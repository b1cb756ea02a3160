import type { ComponentType, ReactNode } from 'react';
import { Dialog } from '../../components/Dialog.js';
import { FormError } from '../../components/FormError.js';
import type { ImportSteps, NeedsMapping } from './use-import-steps.js';

interface MappingFormProps<Mapping> {
  fileName: string;
  headers: string[];
  message: string;
  onSaved(mapping: Mapping): void;
  onCancel(): void;
}

interface Props<Preview extends { kind: 'preview' }, Mapping> {
  title: string;
  onClose(): void;
  steps: ImportSteps<Preview>;
  chooseForm: ReactNode;
  MappingForm: ComponentType<MappingFormProps<Mapping>>;
  onMappingSaved(mapping: Mapping): void;
  PreviewView: ComponentType<{ preview: Preview }>;
  /** The preview step's buttons (取込, 戻る). */
  previewFooter(preview: Preview): ReactNode;
}

/**
 * An import dialog's frame: the step's own content (the file form, the column mapping or the
 * preview), under it the status line of the task under way and the error of the last one.
 */
export function ImportStepsDialog<Preview extends { kind: 'preview' }, Mapping>(props: Props<Preview, Mapping>) {
  const { step, backToChoose, status, error } = props.steps;
  const mapping = (needs: NeedsMapping) => (
    <props.MappingForm
      fileName={needs.fileName}
      headers={needs.headers}
      message={needs.message}
      onCancel={backToChoose}
      onSaved={props.onMappingSaved}
    />
  );
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      wide
      footer={step.kind === 'preview' ? props.previewFooter(step.preview) : null}
    >
      {step.kind === 'choose' ? (
        props.chooseForm
      ) : step.kind === 'mapping' ? (
        mapping(step.needs)
      ) : (
        <props.PreviewView preview={step.preview} />
      )}
      {status ? (
        <p role="status" className="form-hint">
          {status}
        </p>
      ) : null}
      <FormError message={error} />
    </Dialog>
  );
}
