import os from 'node:os';
import Conf from 'conf';
import { defaultSettings, type AppSettings, type Settings } from './settings.js';

/** Settings in a JSON file in the data folder, for browser mode and tests. */
export function createConfSettings(dataDir: string): Settings {
  const store = new Conf<AppSettings>({
    cwd: dataDir,
    configName: 'settings',
    projectName: 'chumon',
    defaults: defaultSettings({ user: os.userInfo().username, hostname: os.hostname() }),
  });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
  };
}
