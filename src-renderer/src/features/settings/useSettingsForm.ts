import { useEffect, useState, type FormEvent } from 'react';
import { useScreen } from '../../screen/screen-context.js';
import { useReportUnsaved } from './useReportUnsaved.js';

interface Options<Saved, Form> {
  load(): Promise<Saved>;
  /** Saves the form; the answer is what is now stored. */
  save(form: Form): Promise<Saved>;
  /** The editable form of what is stored (a password field starts empty, say). */
  toForm(saved: Saved): Form;
  /** Told on the screen once saved (or made from what is now stored). */
  savedMessage: string | ((saved: Saved) => string);
}

/**
 * A settings page's form: read once when the page opens, saved on submit. The stored answer
 * replaces the form, a failure stays on the page (role=alert) and success is told on the
 * screen; nothing is half-saved, since each page is one contract call. Closing 設定 with
 * edits not yet saved asks whether to save them.
 */
export function useSettingsForm<Saved, Form>(options: Options<Saved, Form>) {
  const screen = useScreen();
  const [saved, setSaved] = useState<Saved | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState('');
  const accept = (value: Saved) => {
    setSaved(value);
    setForm(options.toForm(value));
  };
  // Read once, when the page opens (not again as the page re-renders).
  useEffect(() => {
    options.load().then(accept, (e: Error) => setError(e.message));
  }, []);
  /** Saves the form; true once stored, false (the message on the page) when refused. */
  const save = (): Promise<boolean> => {
    if (!form) return Promise.resolve(true);
    return options.save(form).then(
      (value) => {
        accept(value);
        setError('');
        screen.notify(
          'info',
          typeof options.savedMessage === 'string' ? options.savedMessage : options.savedMessage(value),
        );
        return true;
      },
      (err: Error) => {
        setError(err.message);
        return false;
      },
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  // Edits not yet saved: closing 設定 asks first.
  const dirty = saved !== null && form !== null && JSON.stringify(form) !== JSON.stringify(options.toForm(saved));
  useReportUnsaved(dirty, save);
  return { saved, form, setForm, error, setError, submit };
}
