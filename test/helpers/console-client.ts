import type { ConsoleInput, ConsoleMethod, ConsoleOutput } from '../../src-shared/console/contract.js';
import type { WireResult } from '../../src-shared/api/errors.js';

/** What a console call answered: the HTTP status and the contract's result. */
export interface ConsoleAnswer<T> {
  status: number;
  result: WireResult<T>;
}

/**
 * A browser's view of the console API for tests: it keeps the session cookie and the CSRF
 * token the way the console page does, and can leave either out to test the server.
 */
export class ConsoleSessionClient {
  cookie = '';
  csrf = '';

  constructor(readonly baseUrl: string) {}

  async raw<M extends ConsoleMethod>(
    method: M,
    input: ConsoleInput<M>,
    options: { cookie?: string; csrf?: string; headers?: Record<string, string> } = {},
  ): Promise<ConsoleAnswer<ConsoleOutput<M>>> {
    const cookie = options.cookie ?? this.cookie;
    const csrf = options.csrf ?? this.csrf;
    const response = await fetch(`${this.baseUrl}/console/api/${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(cookie ? { cookie } : {}),
        ...(csrf ? { 'x-chumon-csrf': csrf } : {}),
        ...options.headers,
      },
      body: JSON.stringify(input),
    });
    const setCookie = response.headers.get('set-cookie');
    const match = setCookie ? /chumon_console=([^;]*)/.exec(setCookie) : null;
    if (match) this.cookie = match[1] ? `chumon_console=${match[1]}` : '';
    return { status: response.status, result: (await response.json()) as WireResult<ConsoleOutput<M>> };
  }

  /** Calls a method and returns its value; throws the Japanese message on failure. */
  async call<M extends ConsoleMethod>(method: M, input: ConsoleInput<M>): Promise<ConsoleOutput<M>> {
    const { result } = await this.raw(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  async signIn(login: string, password: string): Promise<void> {
    const session = await this.call('console:signIn', { login, password });
    this.csrf = session.csrf;
  }
}
