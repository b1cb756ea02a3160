import type { ReactNode } from 'react';
import type { ExtensionItem } from '../../screen/commands.js';
import { needsChecked } from '../../screen/availability.js';
import { MainStatusDialog, RatingDialog, StoreDialog, SubStatusDialog } from './dialogs.js';

function onChecked(id: ExtensionItem['id'], label: string, open: (ids: number[]) => ReactNode): ExtensionItem {
  return {
    id,
    label,
    unavailable: needsChecked,
    run: (screen) => screen.openDialog(open([...screen.selection])),
  };
}

/** E6: the row under the cursor, whether checked or not. */
const ratingOfCursorRow: ExtensionItem = {
  id: 'E6',
  label: 'マウス選択行個別評価設定',
  unavailable: (screen) =>
    screen.cursorOrderId() === null ? '評価を設定する行に ↑↓ で移るか、行をクリックしてから選んでください。' : null,
  run(screen) {
    const id = screen.cursorOrderId();
    if (id !== null) screen.openDialog(<RatingDialog title="マウス選択行個別評価設定" orderIds={[id]} />);
  },
};

/** E5–E7 of the F4 menu. */
export const storeAndRatingItems: ExtensionItem[] = [
  onChecked('E5', '出荷店舗一括指定', (ids) => <StoreDialog orderIds={ids} />),
  ratingOfCursorRow,
  onChecked('E7', '選択チェック行一括評価設定', (ids) => (
    <RatingDialog title="選択チェック行一括評価設定" orderIds={ids} />
  )),
];

/** E10 and E11 of the F4 menu. */
export const statusItems: ExtensionItem[] = [
  onChecked('E10', 'サブステータス一括変更', (ids) => <SubStatusDialog orderIds={ids} />),
  onChecked('E11', 'メインステータス一括変更', (ids) => <MainStatusDialog orderIds={ids} />),
];
