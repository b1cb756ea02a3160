import type { KeyAction } from '../../screen/commands.js';
import { invoke } from '../../api/client.js';
import { RefusalsDialog } from './RefusalsDialog.js';

/**
 * F6 最新取得: sends what this PC has queued and fetches everything new from the central
 * server, then says what it brought; changes the server refused are listed at once.
 */
export const syncNowAction: KeyAction = {
  async run(screen) {
    screen.notify('info', '最新取得中…');
    try {
      const report = await invoke('sync:now', {});
      const parts = [
        `${report.received.toLocaleString('ja-JP')}件受信`,
        `${report.sent.toLocaleString('ja-JP')}件送信`,
      ];
      if (report.removed > 0) parts.push(`${report.removed.toLocaleString('ja-JP')}件は他の店舗へ移動`);
      if (report.refused.length > 0) parts.push(`${report.refused.length}件はサーバーが受け付けませんでした`);
      screen.notify(report.refused.length > 0 ? 'error' : 'info', `最新取得：${parts.join('、')}。`);
      if (report.refused.length > 0) {
        await invoke('sync:markRefusalsSeen', {});
        screen.openDialog(<RefusalsDialog refusals={report.refused} onClose={screen.closeDialog} />);
      }
    } catch (err) {
      screen.notify('error', `最新取得できませんでした：${(err as Error).message}`);
    }
  },
};
