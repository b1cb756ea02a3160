import { useCallback, useEffect, useState } from 'react';

/** Loads what a page shows (again whenever `deps` change, or on reload), with its error in Japanese. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState('');
  const run = useCallback(load, deps);
  const reload = useCallback(() => {
    run().then(
      (v) => {
        setValue(v);
        setError('');
      },
      (e: Error) => setError(e.message),
    );
  }, [run]);
  useEffect(reload, [reload]);
  return { value, error, reload };
}
