import { useEffect, useState } from 'react';
import type { ChannelMailPolicy } from '../../../../src-shared/api/mail.js';
import { CHANNEL_LABELS, CHANNELS } from '../../../../src-shared/domain/channels.js';
import { MAIL_KIND_LABELS, MAIL_KINDS } from '../../../../src-shared/domain/mail.js';
import { invoke } from '../../api/client.js';
import { FormError } from '../../components/FormError.js';
import { useTask } from '../files/use-task.js';

/** メール方針: per channel and mail kind, whether Chumon mails that channel's buyers; saved on each change. */
export function MailPolicySection() {
  const [policy, setPolicy] = useState<ChannelMailPolicy | null>(null);
  const { error, run } = useTask();
  useEffect(() => {
    void run(async () => setPolicy(await invoke('mail:policy', {})));
  }, [run]);
  if (!policy) return error ? <p role="alert">{error}</p> : null;
  return (
    <div className="form" aria-label="メール方針">
      <p className="form-hint">
        チェックを外した販路・メールは F7 と催促メールで送りません。Amazon
        は出品者独自の通知メールを禁止しているため、初期設定では送りません（出荷通知を受けて Amazon
        から購入者に連絡されます）。
      </p>
      <table>
        <thead>
          <tr>
            <th>販路</th>
            {MAIL_KINDS.map((k) => (
              <th key={k}>{MAIL_KIND_LABELS[k]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {CHANNELS.map((c) => (
            <tr key={c}>
              <th>{CHANNEL_LABELS[c]}</th>
              {MAIL_KINDS.map((k) => (
                <td key={k}>
                  <input
                    type="checkbox"
                    aria-label={`${CHANNEL_LABELS[c]}の${MAIL_KIND_LABELS[k]}`}
                    checked={policy[c][k]}
                    onChange={(e) => {
                      const send = e.target.checked;
                      // Shown at once; the saved answer confirms it, and a refusal shows what is kept.
                      setPolicy((p) => p && { ...p, [c]: { ...p[c], [k]: send } });
                      void run(async () => {
                        try {
                          setPolicy(await invoke('mail:savePolicy', { channel: c, kind: k, send }));
                        } catch (err) {
                          setPolicy(await invoke('mail:policy', {}));
                          throw err;
                        }
                      });
                    }}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <FormError message={error} />
    </div>
  );
}
