import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../core/module-worker.js';
import { FILE_SWAP_METHODS, READER_METHODS, type FromLane, type LaneRole, type ToLane } from './lane-protocol.js';
import type { FromHost, HostBootOptions, MessageLink, ToHost } from './protocol.js';

interface Lane {
  worker: Worker;
  send(message: ToLane): void;
  /** Resolves with the lane's next message of this kind. */
  next(kind: 'ready' | 'closed' | 'opened'): Promise<FromLane>;
}

function startLane(role: LaneRole, options: HostBootOptions, up: (message: FromLane) => void): Lane {
  const worker = startModuleWorker(import.meta.url, 'service-lane', { role, options });
  const waiting: { kind: string; resolve(message: FromLane): void }[] = [];
  worker.on('message', (message: FromLane) => {
    const index = waiting.findIndex((w) => w.kind === message.kind || message.kind === 'boot-failed');
    if (index >= 0) waiting.splice(index, 1)[0]!.resolve(message);
    else up(message);
  });
  // A lane that dies takes the host with it: the parent sees the exit and starts a new host.
  worker.on('error', (err) => {
    console.error(`service lane ${role} failed`, err);
    process.exit(1);
  });
  worker.on('exit', () => process.exit(1));
  return {
    worker,
    send: (message) => worker.postMessage(message),
    next: (kind) => new Promise((resolve) => waiting.push({ kind, resolve })),
  };
}

/**
 * The service host's router (the host process's main thread). It never runs a service
 * itself, so it always answers its link at once: list reads go to the reader lane, every
 * other method to the writer lane, and what the lanes say goes back to the parent.
 */
export function runServiceHost(link: MessageLink<ToHost, FromHost>): void {
  let writer: Lane | null = null;
  let reader: Lane | null = null;
  const up = (message: FromLane) => {
    if (message.kind !== 'closed' && message.kind !== 'opened') link.send(message);
  };

  async function boot(options: HostBootOptions): Promise<void> {
    const first = startLane('writer', options, up);
    // The writer opens and migrates the database before the reader opens it.
    const writerReady = await first.next('ready');
    if (writerReady.kind === 'boot-failed') return link.send(writerReady);
    writer = first;
    const second = startLane('reader', options, up);
    if ((await second.next('ready')).kind === 'ready') reader = second;
    link.send({ kind: 'ready' });
  }

  /** A restore replaces the file: the reader lets go of it first and opens the new one after. */
  async function swapFile(message: Extract<ToHost, { kind: 'request' }>, lane: Lane): Promise<void> {
    const held = reader;
    reader = null;
    if (held) {
      held.send({ kind: 'close' });
      await held.next('closed');
    }
    // The answer goes up like any other; this waits for it to reopen the reader.
    await new Promise<void>((resolve) => {
      const onResult = (answer: FromLane) => {
        if (answer.kind !== 'result' || answer.id !== message.id) return;
        lane.worker.off('message', onResult);
        resolve();
      };
      lane.worker.on('message', onResult);
      lane.send(message);
    });
    if (held) {
      held.send({ kind: 'open' });
      await held.next('opened');
      reader = held;
    }
  }

  link.onMessage((message) => {
    if (message.kind === 'boot') void boot(message.options);
    else if (message.kind === 'shutdown') void shutdown();
    else if (message.kind === 'secret-result') writer?.send(message);
    else if (!writer) link.send({ kind: 'result', id: message.id, result: NOT_READY });
    else if (FILE_SWAP_METHODS.has(message.method)) void swapFile(message, writer);
    else (READER_METHODS.has(message.method) && reader ? reader : writer).send(message);
  });

  async function shutdown(): Promise<void> {
    for (const lane of [reader, writer]) {
      if (!lane) continue;
      lane.send({ kind: 'close' });
      await lane.next('closed');
    }
    process.exit(0);
  }
}

const NOT_READY = {
  ok: false,
  error: { code: 'host_starting', message: 'データベースを開いています。少し待ってからもう一度操作してください。' },
} as const;
