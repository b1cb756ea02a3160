import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built renderer, whose console.html and assets/ the server serves under /console. */
export const CONSOLE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'renderer');

/** Paths the console sub-app answers (with its session cookie, never a token). */
export function isConsolePath(pathname: string): boolean {
  return pathname === '/console' || pathname.startsWith('/console/');
}
