import type { ExtensionItem } from '../../screen/commands.js';
import { CsvExportDialog } from './CsvExportDialog.js';

/** E9 CSV出力: the listed orders as CSV. */
export const csvExportItem: ExtensionItem = {
  id: 'E9',
  label: 'CSV出力',
  run: (screen) => screen.openDialog(<CsvExportDialog />),
};
