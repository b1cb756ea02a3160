/**
 * 出荷通知: whether the channel has been told an order shipped. Null on orders no channel
 * API takes notices for. 'file' is the store PC's own fallback (the channel's upload file
 * was made for it), which the server's queue leaves alone.
 */
type ShipNoticeState = 'pending' | 'sent' | 'error' | 'file';

export const SHIP_NOTICE_LABELS: Record<ShipNoticeState, string> = {
  pending: '未送信',
  sent: '送信済',
  error: 'エラー',
  file: '送信済（ファイル）',
};

export function shipNoticeLabel(state: string | null | undefined): string {
  return state && state in SHIP_NOTICE_LABELS ? SHIP_NOTICE_LABELS[state as ShipNoticeState] : '';
}
