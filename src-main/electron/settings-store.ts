import os from 'node:os';
import Store from 'electron-store';
import { defaultSettings, settingsFromStore, type KeyValueStore, type Settings } from '../settings/settings.js';

/** Settings in Electron: electron-store in the user-data folder (SPEC §6). */
export function createElectronSettings(): Settings {
  const store = new Store<Record<string, unknown>>({
    name: 'settings',
    // The settings hold the sealed secrets and the store's addresses: the owner's only.
    configFileMode: 0o600,
    defaults: { ...defaultSettings({ user: os.userInfo().username, hostname: os.hostname() }) },
  });
  return settingsFromStore(store as unknown as KeyValueStore);
}
