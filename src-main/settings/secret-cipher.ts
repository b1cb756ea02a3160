import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Seals secrets (the SMTP password) before they go into the settings file: Electron's
 * safeStorage (the OS keychain) in the desktop app, a key file in browser mode and tests.
 * Sealed text carries a prefix naming its cipher, so each knows what it can open.
 * Asynchronous because safeStorage's current API is.
 */
export interface SecretCipher {
  isAvailable(): Promise<boolean>;
  /** How secrets are protected on this PC, in words for the settings screen. */
  describe(): Promise<string>;
  encrypt(plain: string): Promise<string>;
  /** Rejects when the text was not sealed by this cipher, or its key is gone. */
  decrypt(sealed: string): Promise<string>;
}

export const FILE_KEY_PREFIX = 'local:v1:';
const KEY_FILE_NAME = 'secret.key';

/**
 * AES-256-GCM with a random 256-bit key in the data folder (file mode 0600). It keeps the
 * password out of the settings file, copies of it and screenshots of it; it does NOT protect
 * against someone who can read the data folder itself, since the key lies beside it.
 */
export function createFileKeyCipher(dataDir: string): SecretCipher {
  const keyFile = path.join(dataDir, KEY_FILE_NAME);
  const key = (create: boolean): Buffer => {
    if (existsSync(keyFile)) return readFileSync(keyFile);
    if (!create) throw new Error('secret key file missing');
    const fresh = randomBytes(32);
    writeFileSync(keyFile, fresh, { mode: 0o600, flag: 'wx' });
    return fresh;
  };
  return {
    isAvailable: async () => true,
    describe: async () => 'データフォルダの鍵ファイルで暗号化（AES-256-GCM）',
    async encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key(true), iv);
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return FILE_KEY_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
    },
    async decrypt(text) {
      if (!text.startsWith(FILE_KEY_PREFIX)) throw new Error('not sealed by the file-key cipher');
      const raw = Buffer.from(text.slice(FILE_KEY_PREFIX.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key(false), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
