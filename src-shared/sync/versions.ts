/**
 * The version handshake between store PCs and the central server. Every /sync request of a
 * PC names its app version and the sync protocol it speaks; a PC too old for the server is
 * told to update and may not push.
 */
export const PROTOCOL_VERSION = 2;
/** The oldest protocol this server still syncs with (a PC sending no header speaks 1). */
export const MIN_PROTOCOL_VERSION = 1;

export const APP_VERSION_HEADER = 'x-chumon-app-version';
export const PROTOCOL_HEADER = 'x-chumon-protocol';
/**
 * On a pull answer that has more: the cursor the next page starts from, readable before the
 * body, so that the PC asks for the next page while it reads this one. Optional: a PC that
 * ignores it, or a server that leaves it out, pulls page after page as before.
 */
export const NEXT_PAGE_HEADER = 'x-chumon-next-page';

/** Compares dotted versions number by number ("0.10.0" > "0.9.1"); anything else sorts lowest. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => (/^\d+(\.\d+)*/.exec(v)?.[0] ?? '').split('.').filter(Boolean).map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Why a PC may not sync, in Japanese for the clerk, or null when it may. */
export function updateRequired(
  pc: { appVersion: string; protocol: number },
  server: { minAppVersion: string },
): string | null {
  const tooOld =
    pc.protocol < MIN_PROTOCOL_VERSION ||
    (server.minAppVersion !== '' && compareVersions(pc.appVersion, server.minAppVersion) < 0);
  if (!tooOld) return null;
  const version = pc.appVersion ? `（バージョン ${pc.appVersion}）` : '';
  const needed = server.minAppVersion ? `バージョン ${server.minAppVersion} 以降に` : '最新版に';
  return `この PC の Chumon${version}は古いため、中央サーバーと同期できません。${needed}更新してください。変更はこの PC に保存されたままです。`;
}
