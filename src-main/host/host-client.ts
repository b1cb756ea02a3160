import type { AppEvent } from '../../src-shared/api/events.js';
import type { WireResult } from '../../src-shared/api/errors.js';
import type { SecretCipher } from '../settings/secret-cipher.js';
import type { FromHost, HostBootOptions, MessageLink, ToHost } from './protocol.js';

/** A started host process, as its parent sees it (a forked Node child, an Electron utility process). */
export interface HostProcess extends MessageLink<FromHost, ToHost> {
  onExit(listener: () => void): void;
  kill(): void;
}

interface HostClientOptions {
  start(): HostProcess;
  boot: HostBootOptions;
  /** Answers the host's secret requests (Electron's safeStorage); needed when boot.secrets is 'parent'. */
  secrets?: SecretCipher;
}

export interface HostClient {
  /** Resolves once the first host has opened the database; rejects with its Japanese reason. */
  ready: Promise<void>;
  invoke(method: string, input: unknown): Promise<WireResult<unknown>>;
  /** Events for the window: the services' own, and the host stopping and coming back. */
  subscribe(listener: (event: AppEvent) => void): () => void;
  close(): Promise<void>;
}

export const HOST_STOPPED_MESSAGE =
  '処理中にサービスが停止しました。この操作が反映されたかどうか一覧で確かめてから、もう一度操作してください。';
export const HOST_DOWN_NOTICE = 'サービスが停止しました。再起動しています。しばらくお待ちください。';
export const HOST_BACK_NOTICE = 'サービスを再起動しました。一覧を最新の状態にしました。';

interface Pending {
  method: string;
  input: unknown;
  resolve(result: WireResult<unknown>): void;
}

/**
 * The parent's side of the service host: the same answers dispatch() gives, over the host's
 * message link. A host that exits is started again; the requests it held are answered with
 * a clear error (never left waiting), and requests made meanwhile wait for the new host.
 */
export function createHostClient(options: HostClientOptions): HostClient {
  let nextId = 0;
  let closing = false;
  let host: HostProcess;
  let booted = false;
  const inFlight = new Map<number, Pending>();
  const listeners = new Set<(event: AppEvent) => void>();
  const emit = (event: AppEvent) => listeners.forEach((listener) => listener(event));
  let queued: Pending[] = [];
  let settleFirst: { resolve(): void; reject(err: Error): void };
  const ready = new Promise<void>((resolve, reject) => (settleFirst = { resolve, reject }));

  const send = (request: Pending) => {
    const id = ++nextId;
    inFlight.set(id, request);
    host.send({ kind: 'request', id, method: request.method, input: request.input });
  };

  const failAll = (requests: Iterable<Pending>, message: string, code: string) => {
    for (const request of requests) request.resolve({ ok: false, error: { code, message } });
  };

  async function answerSecret(message: Extract<FromHost, { kind: 'secret' }>): Promise<void> {
    const cipher = options.secrets;
    let result: WireResult<unknown>;
    try {
      if (!cipher) throw new Error('no secret cipher in the parent');
      const value = await (message.operation === 'encrypt' || message.operation === 'decrypt'
        ? cipher[message.operation](message.text)
        : cipher[message.operation]());
      result = { ok: true, value };
    } catch (err) {
      result = { ok: false, error: { code: 'secret', message: err instanceof Error ? err.message : String(err) } };
    }
    host.send({ kind: 'secret-result', id: message.id, result });
  }

  function onMessage(message: FromHost, restarted: boolean): void {
    if (message.kind === 'result') {
      inFlight.get(message.id)?.resolve(message.result);
      inFlight.delete(message.id);
    } else if (message.kind === 'event') emit(message.event);
    else if (message.kind === 'secret') void answerSecret(message);
    else if (message.kind === 'ready') {
      booted = true;
      settleFirst.resolve();
      const waiting = queued;
      queued = [];
      waiting.forEach(send);
      if (restarted) emit({ type: 'services:restarted', message: HOST_BACK_NOTICE });
    } else if (message.kind === 'boot-failed') {
      settleFirst.reject(new Error(message.message));
      failAll(queued, message.message, 'host_boot_failed');
      queued = [];
      closing = true;
    }
  }

  function start(restarted: boolean): void {
    booted = false;
    const started = options.start();
    host = started;
    started.onMessage((message) => onMessage(message, restarted));
    started.onExit(() => {
      if (host !== started) return;
      booted = false;
      const lost = [...inFlight.values()];
      inFlight.clear();
      failAll(lost, HOST_STOPPED_MESSAGE, 'host_stopped');
      if (closing) return;
      emit({ type: 'services:stopped', message: HOST_DOWN_NOTICE });
      start(true);
    });
    started.send({ kind: 'boot', options: options.boot });
  }

  start(false);
  return {
    ready,
    invoke(method, input) {
      return new Promise((resolve) => {
        if (closing) return resolve({ ok: false, error: { code: 'host_stopped', message: HOST_STOPPED_MESSAGE } });
        const request = { method, input, resolve };
        if (booted) send(request);
        else queued.push(request);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closing = true;
      failAll(queued, HOST_STOPPED_MESSAGE, 'host_stopped');
      queued = [];
      return new Promise<void>((resolve) => {
        host.onExit(resolve);
        host.send({ kind: 'shutdown' });
      });
    },
  };
}
