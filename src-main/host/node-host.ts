import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HostProcess } from './host-client.js';
import type { FromHost } from './protocol.js';

/** Starts the service host as a plain Node child process (tests, the bench, any non-Electron parent). */
export function forkNodeHost(): HostProcess {
  const typescript = import.meta.url.endsWith('.ts');
  const entry = fileURLToPath(new URL(`./node-host-entry${typescript ? '.ts' : '.js'}`, import.meta.url));
  const child = fork(entry, [], {
    execArgv: typescript ? ['--import', 'tsx'] : [],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    send: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as FromHost)),
    onExit: (listener) => child.once('exit', () => listener()),
    kill: () => child.kill('SIGKILL'),
  };
}
