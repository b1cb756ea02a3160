import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The data folder: CHUMON_DATA_DIR when set, else the OS's app-data folder — the same place
 * Electron's app.getPath('userData') gives for "Chumon".
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CHUMON_DATA_DIR) return path.resolve(env.CHUMON_DATA_DIR);
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Chumon');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Chumon');
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Chumon');
  }
}

/** The repository root when running from source (src-main/app → ../..). */
export const SOURCE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
