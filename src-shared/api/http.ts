/**
 * How the contract travels over HTTP in browser mode: POST /api/<method> with a JSON body,
 * the per-run token in this header (never a cookie, never the URL after the first load).
 */
export const TOKEN_HEADER = 'X-Chumon-Token';

/**
 * GET /api/events is a server-sent event stream of the app's events; its first message is
 * this event, sent once the stream is subscribed, so a read made after it misses no change.
 */
export const EVENTS_READY = 'ready';
