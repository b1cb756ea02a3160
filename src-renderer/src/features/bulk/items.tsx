import type { ReactNode } from 'react';
import type { ExtensionItem } from '../../screen/commands.js';
import type { ScreenContext } from '../../screen/screen-context.js';
import { MainStatusDialog, RatingDialog, StoreDialog, SubStatusDialog } from './dialogs.js';

const checked = (screen: ScreenContext) => screen.selection.size > 0;

function onChecked(id: ExtensionItem['id'], label: string, open: (ids: number[]) => ReactNode): ExtensionItem {
  return {
    id,
    label,
    enabled: checked,
    run(screen) {
      if (!checked(screen)) {
        screen.notify('info', `${label}: 対象の注文にチェックを入れてください（F2 で一覧の全件をチェックできます）。`);
        return;
      }
      screen.openDialog(open([...screen.selection]));
    },
  };
}

/** E6: the row under the cursor, whether checked or not. */
const ratingOfCursorRow: ExtensionItem = {
  id: 'E6',
  label: 'マウス選択行個別評価設定',
  run(screen) {
    const id = screen.cursorOrderId();
    if (id === null) {
      screen.notify('info', '評価を設定する行をクリックしてから、もう一度選んでください。');
      return;
    }
    screen.openDialog(<RatingDialog title="マウス選択行個別評価設定" orderIds={[id]} />);
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
