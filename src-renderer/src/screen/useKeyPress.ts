import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { layerOpen } from '../components/layers.js';
import { FUNCTION_KEYS, type FunctionKey } from '../keys.js';
import { KEY_ACTIONS } from './actions.js';
import { perform } from './availability.js';
import type { ScreenContext } from './screen-context.js';

const keyName = (key: FunctionKey) => `${key} ${FUNCTION_KEYS.find((k) => k.key === key)?.label ?? ''}`.trim();

/**
 * What a function key (physical or clicked) does on the list screen. No key is dropped:
 * - keys pressed while an earlier one still works (F2 fetching the list's ids, say) wait
 *   their turn and run, in order, on the screen as that key left it;
 * - until the screen is ready (masters loading) the clerk is told 「画面の準備中です」 and
 *   the keys run once it is;
 * - a key that does not apply, or that reaches the screen while a dialog is open, says why.
 */
export function useKeyPress(screen: ScreenContext | null, notify: ScreenContext['notify'], dismissNotice: () => void) {
  const queue = useRef<FunctionKey[]>([]);
  // A key is running from when it starts until the render after it finished.
  const running = useRef(false);
  // 「画面の準備中です」 is on screen, to be taken away when the keys it announced run.
  const announced = useRef(false);
  // Bumped when a key has finished: the next one runs after the render that shows its effect.
  const [finished, setFinished] = useState(0);
  const latest = useRef(screen);
  useLayoutEffect(() => {
    latest.current = screen;
  });

  const runNext = useCallback(() => {
    const ready = latest.current;
    if (running.current || !ready) return;
    const key = queue.current.shift();
    if (!key) return;
    if (announced.current) {
      announced.current = false;
      dismissNotice();
    }
    const action = KEY_ACTIONS[key];
    if (!action) {
      notify('info', `${key} の機能はこのバージョンではまだ設定されていません。`);
      setFinished((n) => n + 1);
      return;
    }
    if (layerOpen()) {
      notify('info', `「${keyName(key)}」は画面を閉じてから押してください（Esc で閉じます）。`);
      setFinished((n) => n + 1);
      return;
    }
    running.current = true;
    void perform(keyName(key), action, ready).finally(() => setFinished((n) => n + 1));
  }, [notify, dismissNotice]);

  const seen = useRef(finished);
  useEffect(() => {
    if (seen.current !== finished) {
      seen.current = finished;
      running.current = false;
    }
    runNext();
  }, [screen, finished, runNext]);

  return useCallback(
    (key: FunctionKey) => {
      queue.current.push(key);
      if (!latest.current) {
        announced.current = true;
        notify('info', `画面の準備中です。準備ができしだい「${keyName(key)}」を実行します。`);
      }
      runNext();
    },
    [notify, runNext],
  );
}
