import type { AppEvent } from '../../src-shared/api/events.js';
import type { WireResult } from '../../src-shared/api/errors.js';

/**
 * The service host's message protocol: the window's side (Electron's main process, or a
 * test under plain Node) talks to the host over one message link. Every request carries an
 * id its result answers; events are pushed; the host may ask its parent to seal or open a
 * secret (Electron's keychain lives in the main process only).
 */

/** How the host opens its database: what bootApp needs, as plain data. */
export interface HostBootOptions {
  dataDir: string;
  migrationsFolder: string;
  version: string;
  mode: 'electron' | 'browser';
  assetsDir?: string;
  documentsDir?: string;
  nativeBinding?: string;
  backgroundTimers?: boolean;
  /** 'parent': secrets are sealed by the parent (Electron's safeStorage); else a key file. */
  secrets: 'parent' | 'key-file';
}

export type SecretOperation = 'isAvailable' | 'describe' | 'encrypt' | 'decrypt';

/** Parent → host. */
export type ToHost =
  | { kind: 'boot'; options: HostBootOptions }
  | { kind: 'request'; id: number; method: string; input: unknown }
  | { kind: 'secret-result'; id: number; result: WireResult<unknown> }
  | { kind: 'shutdown' };

/** Host → parent. */
export type FromHost =
  | { kind: 'ready' }
  | { kind: 'boot-failed'; message: string }
  | { kind: 'result'; id: number; result: WireResult<unknown> }
  | { kind: 'event'; event: AppEvent }
  | { kind: 'secret'; id: number; operation: SecretOperation; text: string };

/** One end of a message link (a forked process, a utility process, a worker thread). */
export interface MessageLink<In, Out> {
  send(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}
