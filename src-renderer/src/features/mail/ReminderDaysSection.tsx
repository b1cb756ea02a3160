import type { ReminderDays } from '../../../../src-shared/api/mail.js';
import { invoke } from '../../api/client.js';
import { FormFooter } from '../settings/FormFooter.js';
import { useSettingsForm } from '../settings/useSettingsForm.js';

/** 催促メール期限管理 (S6): days from the order date after which an order is a reminder target. */
export function ReminderDaysSection() {
  const { form, setForm, error, submit } = useSettingsForm<ReminderDays, ReminderDays>({
    load: () => invoke('mail:reminderDays', {}),
    save: (days) => invoke('mail:saveReminderDays', days),
    toForm: (days) => days,
    savedMessage: '催促メールの期限を保存しました。',
  });
  if (!form) return error ? <p role="alert">{error}</p> : null;
  return (
    <form className="form" onSubmit={submit} aria-label="催促メール期限管理">
      <p className="form-hint">
        注文日（日本時間の暦日）の翌日から数えて、この日数が過ぎた注文が「催促対象」に入ります。同じ期間内に催促した注文には、もう一度は送りません。
      </p>
      <label>
        未入金（日）
        <input
          type="number"
          value={form.unpaid}
          onChange={(e) => setForm({ ...form, unpaid: Number(e.target.value) })}
        />
      </label>
      <label>
        オーダーフォーム未入力（日）
        <input
          type="number"
          value={form.orderForm}
          onChange={(e) => setForm({ ...form, orderForm: Number(e.target.value) })}
        />
      </label>
      <label>
        <input
          type="checkbox"
          checked={form.skipHolidays ?? false}
          onChange={(e) => setForm({ ...form, skipHolidays: e.target.checked })}
        />
        土日祝を数えない（営業日で数える）
      </label>
      <FormFooter error={error} />
    </form>
  );
}
