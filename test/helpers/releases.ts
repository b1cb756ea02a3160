import { createHash } from 'node:crypto';
import type { ConsoleSessionClient } from './console-client.js';

/** A fake installer and the latest.yml electron-builder would write beside it. */
export function fakeBuild(version: string, bytes = 4096, extension = '.exe'): { installer: Uint8Array; yml: string } {
  const installer = new Uint8Array(bytes).map((_, i) => (i * 31 + version.length) % 256);
  installer.set(new TextEncoder().encode(`Chumon ${version}`));
  const sha512 = createHash('sha512').update(installer).digest('base64');
  const file = `Chumon Setup ${version}${extension}`;
  const yml = [
    `version: ${version}`,
    'files:',
    `  - url: ${file}`,
    `    sha512: ${sha512}`,
    `    size: ${bytes}`,
    `path: ${file}`,
    `sha512: ${sha512}`,
    `releaseDate: '2026-12-01T00:00:00.000Z'`,
    '',
  ].join('\n');
  return { installer, yml };
}

/** Uploads a build the way the console page does (multipart, session cookie and CSRF header). */
export async function uploadRelease(
  baseUrl: string,
  who: Pick<ConsoleSessionClient, 'cookie' | 'csrf'>,
  build: { installer: Uint8Array; yml: string },
  options: { platform?: string; installerName?: string; headers?: Record<string, string> } = {},
): Promise<{
  status: number;
  body: { ok: boolean; value?: { id: number; version: string }; error?: { code: string; message: string } };
}> {
  const form = new FormData();
  form.append('platform', options.platform ?? 'windows');
  form.append('yml', new Blob([build.yml]), 'latest.yml');
  form.append('installer', new Blob([new Uint8Array(build.installer)]), options.installerName ?? 'setup.exe');
  const response = await fetch(`${baseUrl}/console/files/updates`, {
    method: 'POST',
    headers: {
      ...(who.cookie ? { cookie: who.cookie } : {}),
      ...(who.csrf ? { 'x-chumon-csrf': who.csrf } : {}),
      ...options.headers,
    },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as never };
}
