import { useCallback, useState } from 'react';

/**
 * A dialog's one long task at a time: `busy` while it runs (buttons disabled, a status
 * line shown), its error message kept for a role=alert line.
 */
export function useTask() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = useCallback(async (task: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await task();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
