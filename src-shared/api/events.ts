/** Events the main process pushes to the renderer (IPC in Electron, SSE in browser mode). */
export type AppEvent =
  | { type: 'orders:changed'; orderIds?: number[] }
  | { type: 'progress'; task: string; done: number; total: number }
  /** A master (sub-statuses, ...) changed: the renderer reads the masters again. */
  | { type: 'masters:changed' }
  /** The desktop app's service host stopped (its requests were answered with an error) ... */
  | { type: 'services:stopped'; message: string }
  /** ... and is back: the screens read everything again. */
  | { type: 'services:restarted'; message: string }
  /** Stock counts changed (import, adjustment, sync): 在庫一覧 reads its rows again. */
  | { type: 'stock:changed' };
