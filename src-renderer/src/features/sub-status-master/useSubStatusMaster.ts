import { useEffect, useState, type FormEvent } from 'react';
import { STATUS_LABELS, type MainStatus } from '../../../../src-shared/domain/status.js';
import { invoke } from '../../api/client.js';
import { useScreen } from '../../screen/screen-context.js';

export interface SubStatusDraft {
  name: string;
  color: string;
}

/**
 * サブステータス管理's data: the chosen main status and its sub-statuses, how many orders carry
 * each, the one being added, and the last change's message. Each change is saved at once.
 */
export function useSubStatusMaster() {
  const screen = useScreen();
  const [status, setStatus] = useState<MainStatus>('new');
  const [usage, setUsage] = useState<Record<number, number>>({});
  const [added, setAdded] = useState<SubStatusDraft>({ name: '', color: '#607d8b' });
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const subs = screen.masters.subStatuses.filter((s) => s.mainStatus === status);

  const loadUsage = () =>
    invoke('subStatus:usage', {}).then(setUsage, (e: Error) => setMessage({ kind: 'error', text: e.message }));
  useEffect(() => void loadUsage(), []);

  const run = (action: () => Promise<unknown>, done: string) => {
    action().then(
      () => {
        setMessage({ kind: 'done', text: done });
        void loadUsage();
      },
      (e: Error) => setMessage({ kind: 'error', text: e.message }),
    );
  };
  const move = (index: number, delta: -1 | 1) => {
    const ids = subs.map((s) => s.id);
    [ids[index], ids[index + delta]] = [ids[index + delta]!, ids[index]!];
    run(() => invoke('subStatus:reorder', { mainStatus: status, ids }), '並び順を保存しました。');
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    run(
      () => invoke('subStatus:add', { mainStatus: status, ...added }).then(() => setAdded({ ...added, name: '' })),
      `「${added.name.trim()}」を「${STATUS_LABELS[status]}」に追加しました。`,
    );
  };

  return { status, setStatus, subs, usage, added, setAdded, message, run, move, add };
}
