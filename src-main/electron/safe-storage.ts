import { safeStorage } from 'electron';
import { FILE_KEY_PREFIX, type SecretCipher } from '../settings/secret-cipher.js';

const OS_PREFIX = 'os:v1:';

/**
 * The desktop app's SecretCipher: Electron's safeStorage (Keychain on macOS, DPAPI on
 * Windows, libsecret/kwallet on Linux). Where the OS offers nothing better than
 * safeStorage's "basic_text" (a fixed key), secrets go to `fallback` (the key-file cipher)
 * instead. Text sealed by either opens with this one, so a password saved in browser mode
 * still works here. Call after app 'ready'.
 */
export function createSafeStorageCipher(fallback: SecretCipher): SecretCipher {
  const osUsable = async (): Promise<boolean> =>
    (await safeStorage.isAsyncEncryptionAvailable()) &&
    !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
  return {
    isAvailable: async () => (await osUsable()) || fallback.isAvailable(),
    describe: async () =>
      (await osUsable()) ? 'OS の資格情報ストア（Electron safeStorage）で暗号化' : fallback.describe(),
    async encrypt(plain) {
      if (!(await osUsable())) return fallback.encrypt(plain);
      return OS_PREFIX + (await safeStorage.encryptStringAsync(plain)).toString('base64');
    },
    async decrypt(sealed) {
      if (sealed.startsWith(FILE_KEY_PREFIX)) return fallback.decrypt(sealed);
      if (!sealed.startsWith(OS_PREFIX)) throw new Error('unknown sealed secret format');
      const { result } = await safeStorage.decryptStringAsync(Buffer.from(sealed.slice(OS_PREFIX.length), 'base64'));
      return result;
    },
  };
}
