import { useCallback, useEffect, useState } from 'react';
import type { SyncRefusal, SyncStatus } from '../../../../src-shared/api/sync.js';
import { invoke, onAppEvent } from '../../api/client.js';
import { formatJst } from '../../format.js';
import { RefusalsDialog } from './RefusalsDialog.js';
import { UpdateNotice } from '../fleet/UpdateNotice.js';

const POLL_MS = 2000;

/** The sync line under the function keys: online or offline, changes waiting, refusals. */
export function SyncStatusBar() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [refusals, setRefusals] = useState<SyncRefusal[] | null>(null);
  const load = useCallback(() => {
    invoke('sync:status', {}).then(setStatus, () => setStatus(null));
  }, []);
  useEffect(() => {
    load();
    const timer = setInterval(load, POLL_MS);
    const off = onAppEvent((event) => {
      if (event.type === 'orders:changed') load();
    });
    return () => {
      clearInterval(timer);
      off();
    };
  }, [load]);
  if (!status?.configured) return null;
  const showRefusals = () => {
    invoke('sync:refusals', { limit: 100 }).then(
      (list) => {
        setRefusals(list);
        return invoke('sync:markRefusalsSeen', {}).then(load);
      },
      () => undefined,
    );
  };
  const pending = status.pending.toLocaleString('ja-JP');
  return (
    <div className={status.online ? 'sync-status online' : 'sync-status offline'} role="status" aria-label="同期の状態">
      {status.online
        ? `中央サーバーと同期中${status.lastSyncAt ? `（最終 ${formatJst(status.lastSyncAt)}）` : ''}${status.pending > 0 ? `　送信待ち ${pending}件` : ''}`
        : `オフライン：未送信の変更 ${pending}件`}
      {!status.online && status.lastError ? <span className="sync-error">{status.lastError}</span> : null}
      {status.unseenRefusals > 0 ? (
        <button type="button" className="link" onClick={showRefusals}>
          サーバーが受け付けなかった変更 {status.unseenRefusals}件
        </button>
      ) : null}
      <UpdateNotice />
      {refusals ? <RefusalsDialog refusals={refusals} onClose={() => setRefusals(null)} /> : null}
    </div>
  );
}
