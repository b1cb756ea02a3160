import { APP_VERSION_HEADER, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../src-shared/sync/versions.js';
import type { SecretCipher } from '../settings/secret-cipher.js';
import type { Settings } from '../settings/settings.js';

/** This PC's way to head office: the central server of 設定 → 同期 and the PC's token. */
export interface ServerLink {
  serverUrl: string;
  token: string;
  /** The update feed electron-updater reads (`generic` provider): <server>/updates/. */
  feedUrl: string;
  headers: Record<string, string>;
}

/** The link, or null when this PC has no central server (or its token cannot be opened). */
export async function serverLink(
  settings: Pick<Settings, 'get'>,
  secrets: SecretCipher,
  appVersion: string,
): Promise<ServerLink | null> {
  const serverUrl = settings.get('serverUrl');
  const sealed = settings.get('storeToken');
  if (!serverUrl || !sealed) return null;
  const token = await secrets.decrypt(sealed).catch(() => '');
  if (!token) return null;
  return {
    serverUrl,
    token,
    feedUrl: new URL('/updates/', serverUrl).toString(),
    headers: {
      authorization: `Bearer ${token}`,
      [APP_VERSION_HEADER]: appVersion,
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
    },
  };
}
