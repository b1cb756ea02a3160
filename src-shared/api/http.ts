/**
 * How the contract travels over HTTP in browser mode: POST /api/<method> with a JSON body,
 * the per-run token in this header (never a cookie, never the URL after the first load).
 */
export const TOKEN_HEADER = 'X-Chumon-Token';
