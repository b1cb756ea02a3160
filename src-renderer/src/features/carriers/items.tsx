import type { ExtensionItem } from '../../screen/commands.js';
import { LabelExportDialog } from './LabelExportDialog.js';
import { TrackingImportDialog } from './TrackingImportDialog.js';

/** Not in the manual's E1–E12: the carriers' label files, after the day's operations. */
export const carrierItems: ExtensionItem[] = [
  {
    id: 'E18',
    label: '送り状データ出力（B2クラウド・e飛伝Ⅱ・クリックポスト）',
    run(screen) {
      if (screen.selection.size === 0) {
        screen.notify('error', '送り状データを出力する注文にチェックを入れてください。');
        return;
      }
      screen.openDialog(<LabelExportDialog orderIds={[...screen.selection]} />);
    },
  },
  {
    id: 'E19',
    label: '送り状発行済データ取込（送り状番号登録）',
    run: (screen) => screen.openDialog(<TrackingImportDialog />),
  },
];
