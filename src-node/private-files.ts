import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Folders only their owner may enter; files only their owner may read or write. */
const PRIVATE_DIR_MODE = 0o700;
const PRIVATE_FILE_MODE = 0o600;

/** POSIX modes mean nothing on Windows, where the per-user profile folder's ACLs protect the data. */
const POSIX = process.platform !== 'win32';

/** Creates `dir` (and its parents) if needed, readable by its owner only. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (POSIX) chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Makes one file its owner's only (a backup, a copy: written before this could be set). */
export function makePrivateFile(file: string): void {
  if (POSIX) chmodSync(file, PRIVATE_FILE_MODE);
}

/**
 * A data folder and everything in it made its owner's only: folders 0700, files 0600.
 * Run at start on the store PC's data folder and the server's PGlite folder, so files made
 * by a library that ignores the umask (PGlite writes 0666), by an older version or by a
 * copy are put right, and a folder anyone could enter is closed. Symbolic links are left
 * as they are and never followed. Returns how many modes it changed.
 */
export function makePrivateTree(dir: string): number {
  makePrivateDir(dir);
  if (!POSIX) return 0;
  let changed = 0;
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) continue;
      const wanted = stat.isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
      if ((stat.mode & 0o777) !== wanted) {
        chmodSync(full, wanted);
        changed += 1;
      }
      if (stat.isDirectory()) walk(full);
    }
  };
  walk(dir);
  return changed;
}
