import type { SecretCipher } from '../settings/secret-cipher.js';
import type { FromLane, ToLane } from './lane-protocol.js';
import type { SecretOperation } from './protocol.js';

/**
 * A SecretCipher that asks the host's parent: Electron's safeStorage exists in the main
 * process only, so the writer lane sends each seal and open there and awaits the answer.
 */
export function createParentCipher(
  post: (message: FromLane) => void,
  onMessage: (listener: (message: ToLane) => void) => void,
): SecretCipher {
  let next = 0;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  onMessage((message) => {
    if (message.kind !== 'secret-result') return;
    const pending = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.result.ok) pending?.resolve(message.result.value);
    else pending?.reject(new Error(message.result.error.message));
  });
  const ask = <T>(operation: SecretOperation, text = ''): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve: (value) => resolve(value as T), reject });
      post({ kind: 'secret', id, operation, text });
    });
  return {
    isAvailable: () => ask<boolean>('isAvailable'),
    describe: () => ask<string>('describe'),
    encrypt: (plain) => ask<string>('encrypt', plain),
    decrypt: (sealed) => ask<string>('decrypt', sealed),
  };
}
