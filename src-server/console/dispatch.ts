import { z } from 'zod';
import type { ConsoleAccount } from '../../src-shared/console/accounts.js';
import {
  consoleContract,
  isConsoleMethod,
  type ConsoleMethod,
  type ConsoleOutput,
  type ConsoleParsed,
} from '../../src-shared/console/contract.js';
import { toWireError, type WireResult } from '../../src-shared/api/errors.js';
import type { AuditLog } from './audit.js';

z.config(z.locales.ja());

/** Who is calling and from where; `account` is null only for `public` methods. */
export interface ConsoleCall {
  account: ConsoleAccount | null;
  sessionHash: string | null;
  csrf: string | null;
  address: string;
  now: Date;
  /** Sets the session cookie (sign-in). */
  startSession(id: string): void;
}

type SignedInCall = ConsoleCall & { account: ConsoleAccount; sessionHash: string; csrf: string };

type ConsoleHandler<M extends ConsoleMethod> = (
  input: ConsoleParsed<M>,
  call: SignedInCall,
) => ConsoleOutput<M> | Promise<ConsoleOutput<M>>;

export type ConsoleHandlers = { [M in ConsoleMethod]: ConsoleHandler<M> };

const fail = (code: string, message: string): WireResult<never> => ({ ok: false, error: { code, message } });

/**
 * The console's one door: the method must exist, the caller must hold the access it names
 * (a 閲覧 account never reaches a `write`), the input must pass its schema; then the handler
 * runs, and an accepted `write` goes to the audit log with who, what and from where (a
 * sign-in, accepted or not, too).
 */
export async function consoleDispatch(
  handlers: ConsoleHandlers,
  audit: AuditLog,
  call: ConsoleCall,
  method: string,
  rawInput: unknown,
): Promise<WireResult<unknown>> {
  if (!isConsoleMethod(method)) return fail('unknown_method', `不明な操作です（${method.slice(0, 60)}）。`);
  const spec = consoleContract[method];
  if (spec.access !== 'public' && !call.account)
    return fail('signed_out', 'サインインしていないか、サインインの有効期限が切れました。サインインし直してください。');
  if (spec.access === 'write' && call.account?.role !== 'admin')
    return fail('forbidden', 'この操作は管理者のアカウントでだけ行えます。');
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const lines = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
    return fail('invalid_input', `入力内容に誤りがあります。${lines.join(' / ')}`);
  }
  try {
    const handler = handlers[method] as ConsoleHandler<ConsoleMethod>;
    const value = await handler(parsed.data as ConsoleParsed<ConsoleMethod>, call as SignedInCall);
    if (spec.access === 'write' || spec.access === 'public') await audit.record(call, method, spec.label, parsed.data);
    return { ok: true, value };
  } catch (err) {
    const wire = toWireError(err);
    // A failed sign-in is recorded too, under the ID that was tried.
    if (spec.access === 'public') await audit.record(call, method, `${spec.label}（失敗）`, parsed.data);
    if (wire.code === 'internal') console.error(`console ${method} failed`, err);
    return { ok: false, error: wire };
  }
}
