import {
  FILE_TOO_LARGE_MESSAGE,
  type AppEvent,
  type InputOf,
  type MethodName,
  type OutputOf,
  type WireResult,
} from '../../../src-shared/api/index.js';
import { TOKEN_HEADER } from '../../../src-shared/api/http.js';
import { createEventHub } from './event-stream.js';

/** What the Electron preload exposes as window.chumon (one generic invoke, DESIGN 2). */
interface ChumonBridge {
  invoke(method: string, input: unknown): Promise<WireResult<unknown>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
  /** The desktop app: the path of a file the clerk chose, so the file goes by path ('' if none). */
  pathOf?(file: File): string;
}

declare global {
  interface Window {
    chumon?: ChumonBridge;
  }
}

/** A failed call, carrying the Japanese message from the main process. */
class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'chumon.token';

/**
 * Browser mode's token: read once from the address the app was opened with (?token=…),
 * kept for this tab in sessionStorage (a reload keeps working) and taken out of the
 * address bar, so it is neither in the history nor on screen. It travels only as a header:
 * a cookie would go with requests from any other page on 127.0.0.1.
 */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const OFFLINE: WireResult<unknown> = {
  ok: false,
  error: { code: 'offline', message: 'アプリ本体に接続できません。Chumon が起動しているか確認してください。' },
};

/** An answer that is not the contract's JSON (a proxy's error page, a cut connection). */
function unreadable(status: number): WireResult<unknown> {
  if (status === 413) return { ok: false, error: { code: 'too_large', message: FILE_TOO_LARGE_MESSAGE } };
  return {
    ok: false,
    error: {
      code: 'bad_response',
      message: `アプリ本体から読み取れない応答がありました（${status}）。もう一度お試しください。操作は反映されていない可能性があります。`,
    },
  };
}

/** Browser mode: the same contract over HTTP, the token in a header, one event stream for the page. */
function createHttpBridge(): ChumonBridge {
  const token = takeToken();
  const headers = { [TOKEN_HEADER]: token };
  const events = createEventHub((signal) => fetch('./api/events', { headers, signal }));
  return {
    async invoke(method, input) {
      await events.ready;
      let response: Response;
      let text: string;
      try {
        response = await fetch(`./api/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
        text = await response.text();
      } catch {
        return OFFLINE;
      }
      if (response.status === 401) {
        return {
          ok: false,
          error: {
            code: 'unauthorized',
            message: '接続が認証されていません。起動時に表示された URL から開き直してください。',
          },
        };
      }
      try {
        const answer = JSON.parse(text) as WireResult<unknown>;
        if (typeof answer === 'object' && answer !== null && 'ok' in answer) return answer;
      } catch {
        // Not the contract's answer: said below.
      }
      return unreadable(response.status);
    },
    onEvent: (listener) => events.subscribe(listener),
  };
}

const bridge: ChumonBridge = window.chumon ?? createHttpBridge();

export async function invoke<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = await bridge.invoke(method, input);
  if (!result.ok) throw new ApiError(result.error.message, result.error.code);
  return result.value as OutputOf<M>;
}

/** The chosen file's path where the desktop app can give one, else null (send its bytes). */
export function chosenFilePath(file: File): string | null {
  return bridge.pathOf?.(file) || null;
}

export function onAppEvent(listener: (event: AppEvent) => void): () => void {
  return bridge.onEvent(listener);
}
