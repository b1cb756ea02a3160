import path from 'node:path';
import { utilityProcess } from 'electron';
import type { HostProcess } from '../host/host-client.js';
import type { FromHost } from '../host/protocol.js';

/**
 * The desktop app's service host: a utilityProcess (a Node process Electron starts and
 * watches) on the bundled host entry, spoken to over its parent port. Type-checked only:
 * the Electron binary cannot run here, so tests start the same host as a plain Node child
 * (host/node-host.ts) and drive it through the same client.
 */
export function forkUtilityHost(mainDir: string): HostProcess {
  const child = utilityProcess.fork(path.join(mainDir, 'service-host.js'), [], { serviceName: 'Chumon サービス' });
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: FromHost) => listener(message)),
    onExit: (listener) => child.once('exit', () => listener()),
    kill: () => void child.kill(),
  };
}
