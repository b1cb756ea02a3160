import type { ToHost } from '../host/protocol.js';
import { runServiceHost } from '../host/service-host.js';

/** The service host inside Electron's utilityProcess: its parent port is the link. */
const port = process.parentPort;
runServiceHost({
  send: (message) => port.postMessage(message),
  onMessage: (listener) => port.on('message', (event) => listener(event.data as ToHost)),
});
