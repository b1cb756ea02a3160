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
interface WireError {
  code: string;
  message: string;
}

export type WireResult<T> = { ok: true; value: T } | { ok: false; error: WireError };

const INTERNAL_ERROR_MESSAGE =
  '処理中に予期しないエラーが発生しました。操作は反映されていません。もう一度お試しいただき、繰り返す場合は管理者にご連絡ください。';

export function toWireError(err: unknown): WireError {
  if (err instanceof UserError) return { code: err.code, message: err.message };
  return { code: 'internal', message: INTERNAL_ERROR_MESSAGE };
}

/** Why an order is left out of a change: it is no longer in this PC's database. */
export const ORDER_GONE = '注文が見つかりません（削除されたか、他の店舗に移動しました）。';

/** The order the clerk opened or chose is no longer there. */
export function orderGoneError(): UserError {
  return new UserError(`${ORDER_GONE}一覧を最新の状態にしてからやり直してください。`, 'not_found');
}
