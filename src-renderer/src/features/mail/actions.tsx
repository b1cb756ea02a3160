import { invoke } from '../../api/client.js';
import type { ExtensionItem, KeyAction } from '../../screen/commands.js';
import type { ScreenContext } from '../../screen/screen-context.js';
import { MailLogDialog } from './MailLogDialog.js';
import { MarkShippingSentDialog } from './MarkShippingSentDialog.js';
import { SendMailDialog, type SendPurpose } from './SendMailDialog.js';

/** The checked orders, or (for the bulk buttons with nothing checked) every listed order. */
async function targets(screen: ScreenContext, wholeList: boolean): Promise<number[]> {
  if (screen.selection.size > 0 || !wholeList) return [...screen.selection];
  return invoke('orders:ids', screen.list);
}

export async function openSend(screen: ScreenContext, purpose: SendPurpose, wholeList: boolean): Promise<void> {
  const ids = await targets(screen, wholeList);
  if (ids.length === 0) {
    screen.notify(
      'info',
      wholeList
        ? 'この一覧に送信する注文はありません。'
        : 'メールを送る注文にチェックを付けてから F7 を押してください。',
    );
    return;
  }
  screen.openDialog(<SendMailDialog orderIds={ids} purpose={purpose} />);
}

/** F7 メール送信: the mail of each checked order's main status (S12); reminders have their own button. */
export const sendMailAction: KeyAction = {
  run: (screen) => openSend(screen, 'status', false),
  enabled: (screen) => screen.selection.size > 0,
};

/** F8 送信ログ照会 (S13) */
export const mailLogAction: KeyAction = {
  run: (screen) => screen.openDialog(<MailLogDialog />),
};

/** E12 出荷メール一括処理済変更 */
export const markShippingSentItem: ExtensionItem = {
  id: 'E12',
  label: '出荷メール一括処理済変更',
  run(screen) {
    if (screen.selection.size === 0) {
      screen.notify('info', '出荷メールを処理済にする注文にチェックを付けてください。');
      return;
    }
    screen.openDialog(<MarkShippingSentDialog orderIds={[...screen.selection]} />);
  },
  enabled: (screen) => screen.selection.size > 0,
};
