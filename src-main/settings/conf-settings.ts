import os from 'node:os';
import Conf from 'conf';
import { defaultSettings, settingsFromStore, type KeyValueStore, type Settings } from './settings.js';

/** Settings in a JSON file in the data folder, for browser mode and tests. */
export function createConfSettings(dataDir: string): Settings {
  const store = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: 'settings',
    projectName: 'chumon',
    // The settings hold the sealed secrets and the store's addresses: the owner's only.
    configFileMode: 0o600,
    defaults: { ...defaultSettings({ user: os.userInfo().username, hostname: os.hostname() }) },
  });
  return settingsFromStore(store as unknown as KeyValueStore);
}
