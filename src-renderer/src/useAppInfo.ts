import { useEffect, useState } from 'react';
import type { AppInfo } from '../../src-shared/api/app.js';
import { invoke } from './api/client.js';

/** The store, the 担当者 and the order count, read again whenever the list changes (`revision`). */
export function useAppInfo(showError: (text: string) => void, revision: number) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    invoke('app:info', {}).then(setInfo, (e: Error) => showError(e.message));
  }, [showError, revision]);
  return info;
}
