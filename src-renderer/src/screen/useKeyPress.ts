import { useCallback, useEffect, useRef } from 'react';
import { FUNCTION_KEYS, type FunctionKey } from '../keys.js';
import { KEY_ACTIONS } from './actions.js';
import type { ScreenContext } from './screen-context.js';

const keyName = (key: FunctionKey) => `${key} ${FUNCTION_KEYS.find((k) => k.key === key)?.label ?? ''}`.trim();

/**
 * What a function key (physical or clicked) does on the list screen. Until the screen is
 * ready (its masters still loading, `screen` null) a key is not dropped: the clerk is told
 * 「画面の準備中です」 and the last key pressed runs as soon as the screen is ready.
 */
export function useKeyPress(
  screen: ScreenContext | null,
  notify: ScreenContext['notify'],
  showError: (text: string) => void,
  dismissNotice: () => void,
) {
  const pending = useRef<FunctionKey | null>(null);

  const run = useCallback(
    (key: FunctionKey, ready: ScreenContext, queued: boolean) => {
      const action = KEY_ACTIONS[key];
      if (!action) {
        notify('info', `${key} の機能はこのバージョンではまだ設定されていません。`);
        return;
      }
      if (action.enabled && !action.enabled(ready)) {
        // The bar greys such a key out; one pressed while it could not be seen yet is answered.
        if (queued)
          notify(
            'info',
            `「${keyName(key)}」はいまの一覧と選択では使えません。一覧と注文のチェックを確かめてから押してください。`,
          );
        return;
      }
      Promise.resolve(action.run(ready)).catch((e: Error) => showError(e.message));
    },
    [notify, showError],
  );

  const press = useCallback(
    (key: FunctionKey) => {
      if (screen) {
        run(key, screen, false);
        return;
      }
      pending.current = key;
      notify('info', `画面の準備中です。準備ができしだい「${keyName(key)}」を実行します。`);
    },
    [screen, run, notify],
  );

  useEffect(() => {
    const key = pending.current;
    if (!screen || !key) return;
    pending.current = null;
    dismissNotice();
    run(key, screen, true);
  }, [screen, run, dismissNotice]);

  return press;
}
