import { z } from 'zod';
import {
  contract,
  isMethodName,
  type MethodName,
  type OutputOf,
  type ParsedInputOf,
} from '../../src-shared/api/index.js';
import { toWireError, type WireResult } from '../../src-shared/api/errors.js';
import { managerActionOf } from '../staff/manager-actions.js';
import type { ServiceContext } from './context.js';

z.config(z.locales.ja());

export type Handler<M extends MethodName> = (
  input: ParsedInputOf<M>,
  ctx: ServiceContext,
) => OutputOf<M> | Promise<OutputOf<M>>;

/** Handlers for a subset of the contract; a domain exports one of these. */
export type Handlers<K extends MethodName> = { [M in K]: Handler<M> };
export type HandlerMap = Handlers<MethodName>;

function describeIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  return `入力内容に誤りがあります。${lines.join(' / ')}`;
}

/**
 * The one door into the services, shared by Electron IPC and browser-mode HTTP: checks the
 * method exists, validates the input with its zod schema, refuses what needs a 管理者 staff
 * member to anyone else (manager-actions.ts), runs the handler, and turns every
 * failure into a Japanese message without a stack trace.
 */
export async function dispatch(
  handlers: HandlerMap,
  ctx: ServiceContext,
  method: string,
  rawInput: unknown,
  log: (message: string, err: unknown) => void = (m, e) => console.error(m, e),
): Promise<WireResult<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `不明な操作です（${method.slice(0, 60)}）。` } };
  }
  const parsed = contract[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: describeIssues(parsed.error) } };
  }
  try {
    const input = parsed.data as ParsedInputOf<MethodName>;
    const action = managerActionOf(method, input);
    if (action) ctx.services.staff.requireManager(ctx.settings, action);
    const handler = handlers[method] as Handler<MethodName>;
    const value = await handler(input, ctx);
    return { ok: true, value };
  } catch (err) {
    const wire = toWireError(err);
    if (wire.code === 'internal') log(`handler ${method} failed`, err);
    return { ok: false, error: wire };
  }
}
