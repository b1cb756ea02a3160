/**
 * An error meant for the store clerk: its message is Japanese, says what happened and what
 * to do. Anything else thrown by a handler reaches the user only as a generic message.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code: string = 'user_error',
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** What a failed call carries over IPC or HTTP. Never a stack trace. */
export interface WireError {
  code: string;
  message: string;
}

export type WireResult<T> = { ok: true; value: T } | { ok: false; error: WireError };

export const INTERNAL_ERROR_MESSAGE =
  '処理中に予期しないエラーが発生しました。操作は反映されていません。もう一度お試しいただき、繰り返す場合は管理者にご連絡ください。';

export function toWireError(err: unknown): WireError {
  if (err instanceof UserError) return { code: err.code, message: err.message };
  return { code: 'internal', message: INTERNAL_ERROR_MESSAGE };
}
