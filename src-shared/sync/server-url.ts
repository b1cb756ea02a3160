/**
 * Where a store PC may send its token: https anywhere, plain http only to a server on this
 * same PC (a test or a local demo), where nothing crosses a network. Pure: no Node, no DOM.
 */
export function serverUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'サーバーのアドレスが正しくありません（例: https://chumon.example.jp）。';
  }
  if (url.username || url.password) return 'サーバーのアドレスにユーザー名やパスワードは入れないでください。';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return null;
  if (url.protocol === 'http:')
    return 'http:// で接続できるのはこの PC の中のサーバーだけです。中央サーバーのアドレスは https:// で入力してください（トークンを暗号化せずに送らないため）。';
  return 'サーバーのアドレスは https:// で始めてください。';
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Whether two server addresses are the same server (scheme, host and port). */
export function sameServer(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
