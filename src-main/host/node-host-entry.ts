import type { FromHost, ToHost } from './protocol.js';
import { runServiceHost } from './service-host.js';

/** The service host as a plain Node child process (child_process.fork with an IPC channel). */
if (!process.send) throw new Error('node-host-entry runs as a forked child process');
runServiceHost({
  send: (message: FromHost) => process.send!(message),
  onMessage: (listener) => process.on('message', (message) => listener(message as ToHost)),
});
// The parent gone, the host goes too: no orphan holds the database.
process.on('disconnect', () => process.exit(0));
