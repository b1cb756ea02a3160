import type { ExtensionItem } from '../../screen/commands.js';
import { needsChecked } from '../../screen/availability.js';
import { LabelExportDialog } from './LabelExportDialog.js';
import { ShipFileDialog } from './ShipFileDialog.js';
import { TrackingImportDialog } from './TrackingImportDialog.js';

/** Not in the manual's E1–E12: the carriers' label files, after the day's operations. */
export const carrierItems: ExtensionItem[] = [
  {
    id: 'E18',
    label: '送り状データ出力（B2クラウド・e飛伝Ⅱ・クリックポスト）',
    unavailable: needsChecked,
    run: (screen) => screen.openDialog(<LabelExportDialog orderIds={[...screen.selection]} />),
  },
  {
    id: 'E19',
    label: '送り状発行済データ取込（送り状番号登録）',
    run: (screen) => screen.openDialog(<TrackingImportDialog />),
  },
  {
    id: 'E20',
    label: '出荷通知ファイル出力（Amazon・Yahoo!ショッピング・楽天）',
    unavailable: needsChecked,
    run: (screen) => screen.openDialog(<ShipFileDialog orderIds={[...screen.selection]} />),
  },
];
