import { useEffect, useState, type FormEvent } from 'react';
import type { StaffDesk } from '../../../../src-shared/api/staff.js';
import { invoke, onAppEvent } from '../../api/client.js';
import { Dialog } from '../../components/Dialog.js';
import { FormError } from '../../components/FormError.js';
import { useScreen } from '../../screen/screen-context.js';

/**
 * 担当者切替: the clerk at a shared PC picks their name from the store's staff list (kept
 * at head office) and types their PIN when they have one; the history records them. A list
 * that arrives while the dialog is open (F6, live sync) shows at once.
 */
export function StaffPicker() {
  const screen = useScreen();
  const [desk, setDesk] = useState<StaffDesk | null>(null);
  const [staffId, setStaffId] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    // The list is read again when a sync brings head office's changes (staff come with them):
    // a name chosen already stays chosen while it is on the list.
    const load = () =>
      invoke('staff:desk', {}).then(
        (d) => {
          setDesk(d);
          setStaffId((chosen) => (d.staff.some((m) => m.id === chosen) ? chosen : d.current.staffId));
        },
        (e: Error) => setError(e.message),
      );
    load();
    return onAppEvent((event) => {
      if (event.type === 'orders:changed' || event.type === 'masters:changed') load();
    });
  }, []);
  const chosen = desk?.staff.find((m) => m.id === staffId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return setError('担当者を選んでください。');
    invoke('staff:pick', { staffId: chosen.id, pin }).then(
      (current) => {
        screen.notify('info', `担当者を「${current.operator}」にしました。`);
        screen.closeDialog();
      },
      (err: Error) => setError(err.message),
    );
  };
  return (
    <Dialog title="担当者切替" onClose={screen.closeDialog}>
      {desk && desk.staff.length === 0 ? (
        <p>
          この店舗のスタッフ一覧がありません。担当者名は「設定」の「基本」で入力します（本部のコンソールでスタッフを登録すると、ここで選べます）。
        </p>
      ) : null}
      {desk && desk.staff.length > 0 ? (
        <form className="form" onSubmit={submit} aria-label="担当者の選択">
          <fieldset>
            <legend>担当者（現在: {desk.current.operator}）</legend>
            {desk.staff.map((m) => (
              <label key={m.id} className="inline">
                <input
                  type="radio"
                  name="staff"
                  checked={m.id === staffId}
                  onChange={() => (setStaffId(m.id), setPin(''), setError(null))}
                />
                {m.name}
                {m.isManager ? '（管理者）' : ''}
              </label>
            ))}
          </fieldset>
          {chosen?.hasPin ? (
            <label>
              PIN
              <input
                type="password"
                inputMode="numeric"
                autoComplete="off"
                maxLength={8}
                value={pin}
                autoFocus
                onChange={(e) => setPin(e.target.value)}
              />
            </label>
          ) : null}
          <button type="submit">この担当者にする</button>
        </form>
      ) : null}
      <FormError message={error} />
    </Dialog>
  );
}
