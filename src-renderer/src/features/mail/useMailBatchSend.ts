import { useEffect, useState } from 'react';
import type { MailBatchResult } from '../../../../src-shared/api/mail.js';
import { onAppEvent } from '../../api/client.js';

export type MailSendPhase =
  { step: 'confirm' } | { step: 'sending'; done: number; total: number } | { step: 'done'; result: MailBatchResult };

/**
 * A batch of mails: confirm, then sending (the main process's progress events move the bar),
 * then the summary. A refused batch goes back to confirm with its message.
 */
export function useMailBatchSend() {
  const [phase, setPhase] = useState<MailSendPhase>({ step: 'confirm' });
  const [error, setError] = useState('');
  useEffect(
    () =>
      onAppEvent((event) => {
        if (event.type !== 'progress' || event.task !== 'mail') return;
        setPhase((p) => (p.step === 'sending' ? { step: 'sending', done: event.done, total: event.total } : p));
      }),
    [],
  );
  const run = (send: () => Promise<MailBatchResult>, total: number) => {
    setError('');
    setPhase({ step: 'sending', done: 0, total });
    send().then(
      (result) => {
        setPhase({ step: 'done', result });
      },
      (e: Error) => {
        setError(e.message);
        setPhase({ step: 'confirm' });
      },
    );
  };
  return { phase, error, run };
}
