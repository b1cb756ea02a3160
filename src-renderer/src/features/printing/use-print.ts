import { useCallback, useEffect, useState } from 'react';
import type {
  PrintJobInfo,
  PrintKind,
  PrintMarksSummary,
  PrintResult,
  PrintTarget,
} from '../../../../src-shared/api/printing.js';
import { invoke } from '../../api/client.js';
import { saveDownload } from '../files/transfer.js';
import { useTask } from '../files/use-task.js';

/**
 * E8's state: the printer the chosen document will go to (its own from 設定 → 印刷・CSV, else
 * the general one, or why none), the documents folder, the checked
 * orders' print marks and their print history; `run` makes one document at a time and
 * hands a PDF that was only saved to the browser as well.
 */
export function usePrint(orderIds: number[], kind: PrintKind) {
  const [target, setTarget] = useState<PrintTarget | null>(null);
  const [folder, setFolder] = useState('');
  const [marks, setMarks] = useState<PrintMarksSummary | null>(null);
  const [jobs, setJobs] = useState<PrintJobInfo[]>([]);
  const [done, setDone] = useState<PrintResult | null>(null);
  const { busy, error, setError, run: task } = useTask();

  const reload = useCallback(() => {
    invoke('printing:marks', { orderIds }).then(setMarks, (e: Error) => setError(e.message));
    invoke('printing:jobs', { limit: 8, orderIds }).then(setJobs, (e: Error) => setError(e.message));
  }, [orderIds, setError]);
  useEffect(() => {
    setTarget(null);
    invoke('printing:target', { kind }).then(setTarget, (e: Error) => setError(e.message));
  }, [kind, setError]);
  useEffect(() => {
    invoke('printing:settings', {}).then(
      (s) => setFolder(s.documentsDir || s.defaultDocumentsDir),
      (e: Error) => setError(e.message),
    );
    reload();
  }, [reload, setError]);

  const run = (action: () => Promise<PrintResult>) =>
    void task(async () => {
      setDone(null);
      const result = await action();
      if (!result.printer) saveDownload(await invoke('printing:download', { jobId: result.jobId }));
      setDone(result);
      reload();
    });

  return { target, folder, marks, jobs, done, busy, error, setError, run, reload };
}
