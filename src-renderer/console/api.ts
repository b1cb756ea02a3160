import type { WireResult } from '../../src-shared/api/errors.js';
import type { ConsoleInput, ConsoleMethod, ConsoleOutput } from '../../src-shared/console/contract.js';

/** A failed console call, with the server's Japanese message. */
export class ConsoleError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

let csrf = '';
let onSignedOut: () => void = () => undefined;

/** The CSRF token of this session (from sign-in or the session check) and what to do when it ends. */
export function useSession(token: string, signedOut: () => void): void {
  csrf = token;
  onSignedOut = signedOut;
}

/** Calls the central server's console API (the session cookie travels by itself). */
export async function call<M extends ConsoleMethod>(method: M, input: ConsoleInput<M>): Promise<ConsoleOutput<M>> {
  let response: Response;
  try {
    response = await fetch(`./api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-chumon-csrf': csrf },
      body: JSON.stringify(input),
    });
  } catch {
    throw new ConsoleError('中央サーバーに接続できません。ネットワークを確認してください。', 'offline');
  }
  const result = (await response.json().catch(() => null)) as WireResult<ConsoleOutput<M>> | null;
  if (!result) throw new ConsoleError(`中央サーバーでエラーが発生しました（${response.status}）。`, 'server');
  if (!result.ok) {
    if (result.error.code === 'signed_out' && method !== 'console:session') onSignedOut();
    throw new ConsoleError(result.error.message, result.error.code);
  }
  return result.value;
}

/** Sends files to a console upload route (multipart, with the session's CSRF token); the value or the Japanese message. */
export async function upload<T>(route: string, form: FormData): Promise<T> {
  let response: Response;
  try {
    response = await fetch(route, { method: 'POST', headers: { 'x-chumon-csrf': csrf }, body: form });
  } catch {
    throw new ConsoleError('中央サーバーに接続できません。ネットワークを確認してください。', 'offline');
  }
  const result = (await response.json().catch(() => null)) as WireResult<T> | null;
  if (!result) throw new ConsoleError(`中央サーバーでエラーが発生しました（${response.status}）。`, 'server');
  if (!result.ok) {
    if (result.error.code === 'signed_out') onSignedOut();
    throw new ConsoleError(result.error.message, result.error.code);
  }
  return result.value;
}
