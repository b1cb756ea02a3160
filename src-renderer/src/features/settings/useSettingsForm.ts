import { useEffect, useState, type FormEvent } from 'react';
import { useScreen } from '../../screen/screen-context.js';

interface Options<Saved, Form> {
  load(): Promise<Saved>;
  /** Saves the form; the answer is what is now stored. */
  save(form: Form): Promise<Saved>;
  /** The editable form of what is stored (a password field starts empty, say). */
  toForm(saved: Saved): Form;
  /** Told on the screen once saved. */
  savedMessage: string;
  /** Re-read counts, rows and masters after saving, when the setting changes what they show. */
  refresh?: boolean;
}

/**
 * A settings page's form: read once when the page opens, saved on submit. The stored answer
 * replaces the form, a failure stays on the page (role=alert) and success is told on the
 * screen; nothing is half-saved, since each page is one contract call.
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    options.save(form).then(
      (value) => {
        accept(value);
        setError('');
        screen.notify('info', options.savedMessage);
        if (options.refresh) screen.refresh();
      },
      (err: Error) => setError(err.message),
    );
  };
  return { saved, form, setForm, error, setError, submit };
}
