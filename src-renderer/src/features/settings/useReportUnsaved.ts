import { useContext, useEffect, useMemo, useRef } from 'react';
import { ReportUnsaved } from './settings-unsaved.js';

/**
 * Tells the 設定 dialog whether this page has edits not yet saved, so that closing it asks
 * 「変更を保存しますか」; `save` resolves true once stored, false when refused.
 */
export function useReportUnsaved(dirty: boolean, save: () => Promise<boolean>) {
  const report = useContext(ReportUnsaved);
  const latestSave = useRef(save);
  latestSave.current = save;
  const unsaved = useMemo(() => (dirty ? { dirty, save: () => latestSave.current() } : null), [dirty]);
  useEffect(() => report(unsaved), [report, unsaved]);
  useEffect(() => () => report(null), [report]);
}
