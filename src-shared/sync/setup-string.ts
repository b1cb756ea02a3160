/**
 * The setup string the console shows (and encodes as a QR code) when it issues a PC token:
 * the server address and the token in one line, pasted or scanned into 設定 → 同期.
 */
const PREFIX = 'chumon-sync:';

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function makeSetupString(serverUrl: string, token: string): string {
  return `${PREFIX}${toBase64Url(JSON.stringify({ s: serverUrl, t: token }))}`;
}

/** The address and token in a setup string, or null when the text is not one. */
export function readSetupString(text: string): { serverUrl: string; token: string } | null {
  const trimmed = text.trim();
  if (!trimmed.toLowerCase().startsWith(PREFIX)) return null;
  try {
    const value = JSON.parse(fromBase64Url(trimmed.slice(PREFIX.length))) as { s?: unknown; t?: unknown };
    if (typeof value.s !== 'string' || typeof value.t !== 'string') return null;
    return { serverUrl: value.s, token: value.t };
  } catch {
    return null;
  }
}
