import type { z } from 'zod';

/** Who may call a console method: `read` every signed-in account, `write` 管理者 only. */
type ConsoleAccess = 'public' | 'session' | 'read' | 'write';

/**
 * One console method: its input schema, the access it needs and (as a type only) its output.
 * `public` needs no session (sign-in); `session` a session without the CSRF header (the
 * page asking who is signed in); `read`/`write` a session and the CSRF header.
 */
export interface ConsoleMethodSpec<I extends z.ZodType, O> {
  readonly access: ConsoleAccess;
  readonly input: I;
  /** What the audit log calls a `write` (Japanese, shown on the ログ page). */
  readonly label: string;
  readonly output?: O;
}

export function consoleMethod<O>() {
  return <I extends z.ZodType>(access: ConsoleAccess, label: string, input: I): ConsoleMethodSpec<I, O> => ({
    access,
    label,
    input,
  });
}
