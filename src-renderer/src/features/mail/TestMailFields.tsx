import { useState } from 'react';
import { invoke } from '../../api/client.js';

/** テストメール: one mail sent with the saved settings, and the server's answer. */
export function TestMailFields() {
  const [testTo, setTestTo] = useState('');
  const [testResult, setTestResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [testing, setTesting] = useState(false);
  const test = () => {
    setTesting(true);
    setTestResult(null);
    invoke('mail:testSend', { to: testTo })
      .then(
        (r) => setTestResult({ ok: true, text: r.message }),
        (err: Error) => setTestResult({ ok: false, text: err.message }),
      )
      .finally(() => setTesting(false));
  };
  return (
    <fieldset className="form-group">
      <legend>テストメール</legend>
      <label>
        テストメールの宛先
        <input value={testTo} onChange={(e) => setTestTo(e.target.value)} placeholder="自分のメールアドレス" />
      </label>
      <div className="form-actions">
        <button type="button" disabled={testing} onClick={test}>
          {testing ? '送信中…' : 'テストメールを送信'}
        </button>
      </div>
      <p className="form-hint">保存した設定で送信します。変更した場合は先に保存してください。</p>
      {testResult ? (
        <p role={testResult.ok ? 'status' : 'alert'} className={testResult.ok ? 'form-hint' : 'form-error'}>
          {testResult.text}
        </p>
      ) : null}
    </fieldset>
  );
}
