import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../src-shared/api/errors.js';

const PREFIX = 'v1:';

/**
 * Seals channel credentials with AES-256-GCM under a key kept in a file outside the database
 * (mode 0600, made on first use), so a copy of the database — a backup, a dump — holds no
 * usable secret. Each sealed text is bound to its account row (additional data), so it cannot
 * be copied onto another account. Every server process of one database must read the same
 * key file.
 */
export class CredentialVault {
  private key: Buffer | null = null;

  constructor(private readonly keyFile: string | null) {}

  private load(): Buffer {
    if (this.key) return this.key;
    if (!this.keyFile)
      throw new UserError(
        '認証情報を暗号化する鍵ファイルが設定されていません。CHUMON_SERVER_KEY_FILE を指定してサーバーを起動してください。',
      );
    if (!existsSync(this.keyFile)) {
      mkdirSync(path.dirname(this.keyFile), { recursive: true });
      try {
        writeFileSync(this.keyFile, randomBytes(32), { mode: 0o600, flag: 'wx' });
      } catch (err) {
        // Another server process made it first: use theirs.
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
    const key = readFileSync(this.keyFile);
    if (key.length !== 32) throw new Error(`the key file ${this.keyFile} is not a 256-bit key`);
    this.key = key;
    return key;
  }

  seal(accountId: number, secrets: unknown): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.load(), iv);
    cipher.setAAD(Buffer.from(`channel-account:${accountId}`));
    const sealed = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
  }

  /** Throws when the text was sealed for another account or under another key. */
  open(accountId: number, text: string): unknown {
    if (!text.startsWith(PREFIX)) throw new Error('credentials are not sealed by this vault');
    const raw = Buffer.from(text.slice(PREFIX.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.load(), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(`channel-account:${accountId}`));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8'));
  }
}
