import type { ReactNode } from 'react';
import type { MainStatus } from '../../../../src-shared/domain/status.js';
import { allowedFrom } from '../../../../src-shared/domain/transitions.js';
import { checkedOn } from '../../screen/availability.js';
import type { ExtensionItem, Pressable } from '../../screen/commands.js';
import type { ScreenContext } from '../../screen/screen-context.js';
import { CancelDialog } from './CancelDialog.js';
import { PaymentDialog } from './PaymentDialog.js';
import { ScanDialog } from './ScanDialog.js';
import { ShipDialog } from './ShipDialog.js';
import { TrackingDialog } from './TrackingDialog.js';

/** A status operation as the clerk reaches it: from the operation bar and the F4 menu. */
export interface DayOperation extends Pressable {
  id: `E${number}`;
  label: string;
  /** Tabs whose bar shows it; lists of mixed statuses (a search, メール未送信, 催促対象) show every one. */
  tabs: readonly MainStatus[];
}

/** An operation on the checked orders of its tabs. */
function onChecked(
  id: DayOperation['id'],
  label: string,
  tabs: readonly MainStatus[],
  open: (ids: number[]) => ReactNode,
): DayOperation {
  return {
    id,
    label,
    tabs,
    unavailable: checkedOn(tabs),
    run: (screen: ScreenContext) => screen.openDialog(open([...screen.selection])),
  };
}

/** After E12 in the F4 menu, in the order of the day's work (S2). */
export const DAY_OPERATIONS: DayOperation[] = [
  onChecked('E13', '入金確認登録', allowedFrom('confirm_payment'), (ids) => <PaymentDialog orderIds={ids} />),
  onChecked('E14', '送り状番号登録', allowedFrom('register_tracking'), (ids) => <TrackingDialog orderIds={ids} />),
  onChecked('E15', '出荷確定', allowedFrom('confirm_shipment'), (ids) => <ShipDialog orderIds={ids} />),
  {
    id: 'E16',
    label: '出荷確定スキャン',
    tabs: ['paid', 'awaiting_shipment', 'shipped'],
    // Without checked orders: the scan finds its own.
    run: (screen) => screen.openDialog(<ScanDialog />),
  },
  onChecked('E17', '注文取消', allowedFrom('cancel'), (ids) => <CancelDialog orderIds={ids} />),
];

export const dayOperationItems: ExtensionItem[] = DAY_OPERATIONS;
