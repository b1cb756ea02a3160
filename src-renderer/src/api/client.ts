import type { AppEvent, InputOf, MethodName, OutputOf, WireResult } from '../../../src-shared/api/index.js';

/** What the Electron preload exposes as window.chumon (one generic invoke, DESIGN 2). */
interface ChumonBridge {
  invoke(method: string, input: unknown): Promise<WireResult<unknown>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
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

/** Browser mode: the same contract over HTTP; the token travels in a same-site cookie. */
const httpBridge: ChumonBridge = {
  async invoke(method, input) {
    let response: Response;
    try {
      response = await fetch(`./api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return {
        ok: false,
        error: { code: 'offline', message: 'アプリ本体に接続できません。Chumon が起動しているか確認してください。' },
      };
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
    return (await response.json()) as WireResult<unknown>;
  },
  onEvent(listener) {
    const source = new EventSource('./api/events');
    source.onmessage = (message) => listener(JSON.parse(message.data as string) as AppEvent);
    return () => source.close();
  },
};

const bridge: ChumonBridge = window.chumon ?? httpBridge;

export async function invoke<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = await bridge.invoke(method, input);
  if (!result.ok) throw new ApiError(result.error.message, result.error.code);
  return result.value as OutputOf<M>;
}

export function onAppEvent(listener: (event: AppEvent) => void): () => void {
  return bridge.onEvent(listener);
}
