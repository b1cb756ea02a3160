import { useState, type FormEvent } from 'react';
import type { ConsoleStore } from '../../../src-shared/console/fleet.js';
import { call } from '../api.js';

const EMPTY_STORE_FORM = { id: '', name: '', isHeadOffice: false };
export type StoreFormValues = typeof EMPTY_STORE_FORM;

/** 店舗の登録・変更: the form's values, saving them (then `onSaved`), and loading a row to change. */
export function useStoreForm(onSaved: () => void) {
  const [form, setForm] = useState(EMPTY_STORE_FORM);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    call('console:putStore', form).then(
      (s) => {
        setDone(`店舗「${s.name}」を保存しました。`);
        setError('');
        setForm(EMPTY_STORE_FORM);
        onSaved();
      },
      (err: Error) => setError(err.message),
    );
  };
  const edit = (s: ConsoleStore) => setForm({ id: s.id, name: s.name, isHeadOffice: s.isHeadOffice });
  return { form, setForm, error, done, submit, edit };
}
