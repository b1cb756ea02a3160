import type { ReactNode } from 'react';
import type { Tab } from '../../../../src-shared/domain/status.js';
import { allowedFrom } from '../../../../src-shared/domain/transitions.js';
import type { ExtensionItem } from '../../screen/commands.js';
import type { ScreenContext } from '../../screen/screen-context.js';
import { checkedOrNotify } from './bulk.js';
import { CancelDialog } from './CancelDialog.js';
import { PaymentDialog } from './PaymentDialog.js';
import { ScanDialog } from './ScanDialog.js';
import { ShipDialog } from './ShipDialog.js';
import { TrackingDialog } from './TrackingDialog.js';

/** A status operation as the clerk reaches it: from the operation bar and the F4 menu. */
export interface DayOperation {
  id: `E${number}`;
  label: string;
  /**
   * Tabs whose bar shows it (an operation's own: the statuses it may start from); lists of mixed
   * statuses (a search, メール未送信, 催促対象) show every one.
   */
  tabs: readonly Tab[];
  /** Works without checked orders (the scan finds its own). */
  withoutSelection?: boolean;
  run(screen: ScreenContext): void;
}

function onChecked(label: string, open: (ids: number[]) => ReactNode) {
  return (screen: ScreenContext) => {
    const ids = checkedOrNotify(screen, label);
    if (ids) screen.openDialog(open(ids));
  };
}

/** After E12 in the F4 menu, in the order of the day's work (S2). */
export const DAY_OPERATIONS: DayOperation[] = [
  {
    id: 'E13',
    label: '入金確認登録',
    tabs: allowedFrom('confirm_payment'),
    run: onChecked('入金確認登録', (ids) => <PaymentDialog orderIds={ids} />),
  },
  {
    id: 'E14',
    label: '送り状番号登録',
    tabs: allowedFrom('register_tracking'),
    run: onChecked('送り状番号登録', (ids) => <TrackingDialog orderIds={ids} />),
  },
  {
    id: 'E15',
    label: '出荷確定',
    tabs: allowedFrom('confirm_shipment'),
    run: onChecked('出荷確定', (ids) => <ShipDialog orderIds={ids} />),
  },
  {
    id: 'E16',
    label: '出荷確定スキャン',
    tabs: ['paid', 'awaiting_shipment', 'shipped'],
    withoutSelection: true,
    run: (screen) => screen.openDialog(<ScanDialog />),
  },
  {
    id: 'E17',
    label: '注文取消',
    tabs: allowedFrom('cancel'),
    run: onChecked('注文取消', (ids) => <CancelDialog orderIds={ids} />),
  },
];

export const dayOperationItems: ExtensionItem[] = DAY_OPERATIONS.map(({ id, label, withoutSelection, run }) => ({
  id,
  label,
  run,
  enabled: withoutSelection ? undefined : (screen) => screen.selection.size > 0,
}));
