import { useEffect, useState } from 'react';
import type { UpdateCheck } from '../../../../src-shared/console/updates.js';
import { invoke } from '../../api/client.js';

/** The feed is asked again this often while the screen is open. */
const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;

/** The last check of the central server's update feed (shared by the header notice and 設定). */
export function useUpdateCheck(): [UpdateCheck | null, () => void] {
  const [check, setCheck] = useState<UpdateCheck | null>(null);
  const run = () => void invoke('updates:check', {}).then(setCheck, () => setCheck(null));
  useEffect(() => {
    run();
    const timer = setInterval(run, CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, []);
  return [check, run];
}

/** A notice in the status line when head office has rolled out a newer version to this store. */
export function UpdateNotice() {
  const [check] = useUpdateCheck();
  if (!check?.available) return null;
  return (
    <span className="update-notice" role="status" aria-label="更新のお知らせ">
      新しいバージョン {check.version} が配布されています（設定 → 更新・ログ）
    </span>
  );
}
