import { useEffect, useState } from 'react';
import type { CarrierSettings } from '../../../../src-shared/api/carriers.js';
import type { FileSettings } from '../../../../src-shared/api/files.js';
import type { PrinterList } from '../../../../src-shared/api/printing.js';
import { invoke } from '../../api/client.js';
import { useSettingsForm } from '../settings/useSettingsForm.js';

interface FilesForm {
  files: FileSettings;
  codes: CarrierSettings;
}

/**
 * The 印刷・CSV page's form: the file settings and the carriers' codes, read and saved together,
 * and the OS's printer list.
 */
export function useFilesSettingsForm() {
  const [printers, setPrinters] = useState<PrinterList | null>(null);
  const settings = useSettingsForm<FilesForm, FilesForm>({
    load: () =>
      Promise.all([invoke('printing:settings', {}), invoke('carriers:settings', {})]).then(([files, codes]) => ({
        files,
        codes,
      })),
    save: ({ files, codes }) =>
      Promise.all([
        invoke('printing:saveSettings', {
          printer: files.printer,
          deliveryNotePrices: files.deliveryNotePrices,
          csvEncoding: files.csvEncoding,
          documentsDir: files.documentsDir,
          registrationNumber: files.registrationNumber,
          outputs: files.outputs,
        }),
        invoke('carriers:saveSettings', codes),
      ]).then(([savedFiles, savedCodes]) => ({ files: savedFiles, codes: savedCodes })),
    toForm: (saved) => saved,
    savedMessage: '印刷・CSV の設定を保存しました。',
  });
  const { setError } = settings;
  useEffect(() => {
    invoke('printing:printers', {}).then(setPrinters, (e: Error) => setError(e.message));
  }, []);
  return { ...settings, printers };
}
