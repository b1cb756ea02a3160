import type { App } from '../../src-main/app/bootstrap.js';
import { dispatch } from '../../src-main/core/dispatch.js';
import { handlers } from '../../src-main/core/registry.js';
import type { InputOf, MethodName, OutputOf } from '../../src-shared/api/index.js';
import type { TestServer } from '../helpers/central-server.js';
import type { TestSmtpServer } from '../helpers/smtp.js';

/** Services a scenario needs from the test process: they outlive every killed child. */
export interface CrashEnv {
  server?: TestServer;
  smtp?: TestSmtpServer;
}

/**
 * A heavy write the crash harness kills. `prepare` builds the starting data folder once (in
 * the test process); `run` is the write itself, run by the child process that gets killed
 * and once in-process on a copy to learn the state "after".
 */
export interface CrashScenario {
  prepare(app: App, env: CrashEnv): void | Promise<void>;
  run(app: App): Promise<void>;
  /** One transaction: every changed order must be on the same side after a kill. */
  atomic: boolean;
  /** Whether running it again after a kill finishes the job (false: refused once started). */
  resumable: boolean;
  /** False when an order may legitimately end between the two states (a mail "unknown"). */
  comparesOrders?: boolean;
  /** Remembers what the environment looked like before a round (mail: messages seen). */
  beforeRound?(env: CrashEnv): unknown;
  /** Checks of its own after each restart; `mark` is what beforeRound returned. */
  check?(app: App, env: CrashEnv, mark: unknown): Promise<string[]>;
}

/** Calls a contract method as the renderer does: validation, handler, wire error. */
export async function callMethod<M extends MethodName>(app: App, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = await dispatch(handlers, app.ctx, method, input, () => undefined);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as OutputOf<M>;
}
