import { invoke } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { useScreen } from '../../screen/screen-context.js';
import { BatchSummary } from './BatchSummary.js';
import { FormError } from '../../components/FormError.js';
import { useMailBatchSend } from './useMailBatchSend.js';

export type SendPurpose = 'status' | 'reminder';

const INTRO: Record<SendPurpose, { title: string; text: string; button: string }> = {
  status: {
    title: 'メール送信',
    text: '各注文のメインステータスに応じたメール（在庫確認メール・入金確認メール・発送完了メール）を送信します。送信済みのメールは二度送りません。',
    button: '送信する',
  },
  reminder: {
    title: '催促メール送信',
    text: '未入金の注文には入金催促メール、オーダーフォーム未入力の注文にはオーダーフォーム入力催促メールを送信します。同じ期間内に催促済みの注文には送りません。',
    button: '催促メールを送信する',
  },
};

/** F7 and the bulk sends: confirm, a progress bar for large batches, then the summary. */
export function SendMailDialog({ orderIds, purpose }: { orderIds: number[]; purpose: SendPurpose }) {
  const screen = useScreen();
  const { phase, error, run } = useMailBatchSend();
  const intro = INTRO[purpose];
  const sending = phase.step === 'sending';
  const footer =
    phase.step === 'confirm' ? (
      <>
        <button type="button" onClick={screen.closeDialog}>
          キャンセル
        </button>
        <button
          type="button"
          autoFocus
          onClick={() => run(() => invoke('mail:send', { orderIds, purpose }), orderIds.length)}
        >
          {intro.button}
        </button>
      </>
    ) : phase.step === 'done' ? (
      <>
        {phase.result.failed.length > 0 ? (
          <button
            type="button"
            onClick={() =>
              run(
                () => invoke('mail:retry', { logIds: phase.result.failed.map((f) => f.logId) }),
                phase.result.failed.length,
              )
            }
          >
            失敗した{phase.result.failed.length}件を再送
          </button>
        ) : null}
        <button type="button" autoFocus onClick={screen.closeDialog}>
          閉じる
        </button>
      </>
    ) : null;
  return (
    <Dialog
      title={intro.title}
      onClose={sending ? () => undefined : screen.closeDialog}
      footer={footer}
      wide={phase.step === 'done'}
    >
      {phase.step === 'confirm' ? (
        <>
          <p>
            チェックした <strong>{orderIds.length.toLocaleString('ja-JP')}件</strong> の注文に{intro.text}
          </p>
          <FormError message={error} />
        </>
      ) : null}
      {phase.step === 'sending' ? (
        <div className="mail-progress">
          <p>送信しています… 完了するまでこの画面を閉じずにお待ちください。</p>
          <progress aria-label="送信の進み具合" max={Math.max(1, phase.total)} value={phase.done} />
          <p aria-live="polite">
            {phase.done.toLocaleString('ja-JP')} / {phase.total.toLocaleString('ja-JP')} 件
          </p>
        </div>
      ) : null}
      {phase.step === 'done' ? <BatchSummary result={phase.result} /> : null}
    </Dialog>
  );
}
