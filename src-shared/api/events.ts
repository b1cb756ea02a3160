/** Events the main process pushes to the renderer (IPC in Electron, SSE in browser mode). */
export type AppEvent =
  | { type: 'orders:changed'; orderIds?: number[] }
  | { type: 'progress'; task: string; done: number; total: number }
  /** A master (sub-statuses, ...) changed: the renderer reads the masters again. */
  | { type: 'masters:changed' }
  /** Stock counts changed (import, adjustment, sync): 在庫一覧 reads its rows again. */
  | { type: 'stock:changed' };
