import { z } from 'zod';
import {
  contract,
  isMethodName,
  type MethodName,
  type OutputOf,
  type ParsedInputOf,
} from '../../src-shared/api/index.js';
import { toWireError, type WireResult } from '../../src-shared/api/errors.js';
import { describeIssues, issueMessage } from '../../src-shared/api/issue-messages.js';
import { managerActionOf } from '../staff/manager-actions.js';
import type { ServiceContext } from './context.js';
import { writeEvents } from './write-events.js';

// Messages of issues a schema gave none for: Japanese, without zod's English type names.
z.config({ customError: issueMessage });

type Handler<M extends MethodName> = (
  input: ParsedInputOf<M>,
  ctx: ServiceContext,
) => OutputOf<M> | Promise<OutputOf<M>>;

/** Handlers for a subset of the contract; a domain exports one of these. */
export type Handlers<K extends MethodName> = { [M in K]: Handler<M> };
export type HandlerMap = Handlers<MethodName>;

/**
 * The one door into the services, shared by Electron IPC and browser-mode HTTP: checks the
 * method exists, validates the input with its zod schema, refuses what needs a 管理者 staff
 * member to anyone else (manager-actions.ts), runs the handler, announces what a write
 * changed once it has committed (write-events.ts), and turns every failure into a Japanese
 * message without a stack trace.
 */
export async function dispatch(
  handlers: HandlerMap,
  ctx: ServiceContext,
  method: string,
  rawInput: unknown,
  log: (message: string, err: unknown) => void = (m, e) => console.error(m, e),
): Promise<WireResult<unknown>> {
  ctx.activity.note();
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `不明な操作です（${method.slice(0, 60)}）。` } };
  }
  const parsed = contract[method].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: describeIssues(parsed.error.issues) } };
  }
  try {
    const input = parsed.data as ParsedInputOf<MethodName>;
    const action = managerActionOf(method, input);
    if (action) ctx.services.staff.requireManager(ctx.settings, action);
    const handler = handlers[method] as Handler<MethodName>;
    const value = await handler(input, ctx);
    for (const event of writeEvents(method, value, input)) ctx.emit(event);
    return { ok: true, value };
  } catch (err) {
    const wire = toWireError(err);
    if (wire.code === 'internal') log(`handler ${method} failed`, err);
    return { ok: false, error: wire };
  }
}
