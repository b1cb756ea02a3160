import { useEffect, useState, type FormEvent } from 'react';
import type { ReminderDays } from '../../../../src-shared/api/mail.js';
import { invoke } from '../../api/client.js';
import { useScreen } from '../../screen/screen-context.js';

/** 催促メール期限管理 (S6): days from the order date after which an order is a reminder target. */
export function ReminderDaysSection() {
  const screen = useScreen();
  const [form, setForm] = useState<ReminderDays | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    invoke('mail:reminderDays', {}).then(setForm, (e: Error) => setError(e.message));
  }, []);
  if (!form) return error ? <p role="alert">{error}</p> : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    invoke('mail:saveReminderDays', form).then(
      () => {
        setError('');
        screen.notify('info', '催促メールの期限を保存しました。');
        screen.refresh();
      },
      (err: Error) => setError(err.message),
    );
  };
  return (
    <form className="form" onSubmit={submit} aria-label="催促メール期限管理">
      <p className="form-hint">注文日から数えて、この日数を過ぎた注文が「催促対象」に入ります。同じ期間内に催促した注文には、もう一度は送りません。</p>
      <label>
        未入金（日）
        <input type="number" value={form.unpaid} onChange={(e) => setForm({ ...form, unpaid: Number(e.target.value) })} />
      </label>
      <label>
        オーダーフォーム未入力（日）
        <input type="number" value={form.orderForm} onChange={(e) => setForm({ ...form, orderForm: Number(e.target.value) })} />
      </label>
      {error ? (
        <p role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="submit">保存</button>
      </div>
    </form>
  );
}
