import { useCallback, useState } from 'react';

/**
 * A dialog's one long task at a time: `busy` while it runs (buttons disabled), the status
 * line it was started with (`status`, '' when none), and its error message kept for a
 * role=alert line until the next task starts.
 */
export function useTask() {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const run = useCallback(async (task: () => Promise<void>, statusLine = '') => {
    setBusy(true);
    setStatus(statusLine);
    setError('');
    try {
      await task();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
      setStatus('');
    }
  }, []);
  return { busy, status, error, setError, run };
}
