import { useState, type FormEvent } from 'react';
import type { ConsoleStaff } from '../../../src-shared/console/staff.js';
import { call } from '../api.js';
import { useLoad } from '../use-load.js';

const EMPTY_STAFF_FORM = { id: undefined as number | undefined, name: '', isManager: false, pin: '' };
export type StaffFormValues = typeof EMPTY_STAFF_FORM;

/** A store's スタッフ list, the form's values, and saving a member (added, changed, 退職 or back). */
export function useStaff(storeId: string) {
  const staff = useLoad(() => call('console:staff', { storeId }), [storeId]);
  const [form, setForm] = useState(EMPTY_STAFF_FORM);
  const [error, setError] = useState('');
  const save = (member: Omit<Parameters<typeof call<'console:saveStaff'>>[1], 'storeId'>) =>
    call('console:saveStaff', { storeId, ...member }).then(
      () => (setForm(EMPTY_STAFF_FORM), setError(''), staff.reload()),
      (e: Error) => setError(e.message),
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // An empty PIN field keeps the PIN of an existing member.
    void save({ id: form.id, name: form.name, isManager: form.isManager, pin: form.pin || (form.id ? undefined : '') });
  };
  const edit = (m: ConsoleStaff) => setForm({ id: m.id, name: m.name, isManager: m.isManager, pin: '' });
  return { staff, form, setForm, error, save, submit, edit };
}
