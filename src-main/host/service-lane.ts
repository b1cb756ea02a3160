import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { bootApp, DB_FILE_NAME, type App } from '../app/bootstrap.js';
import { systemClock } from '../core/app-context.js';
import type { ServiceContext } from '../core/context.js';
import { dispatch } from '../core/dispatch.js';
import { handlers } from '../core/registry.js';
import { createServiceContext } from '../core/service-context.js';
import { openDatabase } from '../db/open.js';
import { acceptUploadPaths } from '../../src-node/uploaded-files.js';
import { createConfSettings } from '../settings/conf-settings.js';
import { createFileKeyCipher } from '../settings/secret-cipher.js';
import type { FromLane, LaneData, ToLane } from './lane-protocol.js';
import { createParentCipher } from './parent-cipher.js';
import type { HostBootOptions } from './protocol.js';

/**
 * A service lane of the host (a worker thread): runs dispatch() for the requests the
 * router gives it. The writer lane boots the whole app; the reader lane opens a second
 * connection to the same database (WAL: it reads the last commit while a write runs).
 */
const port = parentPort;
if (!port) throw new Error('service-lane runs as a worker thread');
const data = workerData as LaneData;
const post = (message: FromLane) => port.postMessage(message);

function bootWriter(options: HostBootOptions, onMessage: (listener: (m: ToLane) => void) => void): App {
  // The desktop app's window sends a chosen file's path, not its bytes.
  acceptUploadPaths();
  const secrets = options.secrets === 'parent' ? createParentCipher(post, onMessage) : undefined;
  const app = bootApp({ ...options, settings: createConfSettings(options.dataDir), secrets });
  app.subscribe((event) => post({ kind: 'event', event }));
  return app;
}

/** The reader's context: the same parts, its own connection; it never writes nor emits. */
function readerContext(options: HostBootOptions): ServiceContext {
  const settings = createConfSettings(options.dataDir);
  const open = () =>
    openDatabase(path.join(options.dataDir, DB_FILE_NAME), options.migrationsFolder, options.nativeBinding);
  const database = open();
  const secrets = createFileKeyCipher(options.dataDir);
  // Never started here: the writer lane runs the app's sync.
  return createServiceContext({
    database,
    open,
    settings,
    secrets,
    clock: systemClock,
    emit: () => undefined,
    paths: { assets: options.assetsDir ?? '', documents: options.documentsDir ?? '' },
    mode: options.mode,
    version: options.version,
  });
}

function run(): void {
  const listeners: ((m: ToLane) => void)[] = [];
  port!.on('message', (message: ToLane) => listeners.forEach((listener) => listener(message)));
  const onMessage = (listener: (m: ToLane) => void) => listeners.push(listener);
  let ctx: ServiceContext;
  let close: () => void;
  try {
    if (data.role === 'writer') {
      const app = bootWriter(data.options, onMessage);
      ctx = app.ctx;
      close = () => app.close();
    } else {
      ctx = readerContext(data.options);
      close = () => ctx.database.sqlite.close();
    }
  } catch (err) {
    post({ kind: 'boot-failed', message: err instanceof Error ? err.message : String(err) });
    return;
  }
  onMessage((message) => {
    if (message.kind === 'request') {
      void dispatch(handlers, ctx, message.method, message.input).then((result) =>
        post({ kind: 'result', id: message.id, result }),
      );
    } else if (message.kind === 'close') {
      close();
      post({ kind: 'closed' });
    } else if (message.kind === 'open') {
      ctx.reopenDatabase(() => undefined);
      post({ kind: 'opened' });
    }
  });
  post({ kind: 'ready' });
}

run();
