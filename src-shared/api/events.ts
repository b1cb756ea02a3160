/** Events the main process pushes to the renderer (IPC in Electron, SSE in browser mode). */
export type AppEvent =
  | { type: 'orders:changed'; orderIds?: number[] }
  | { type: 'progress'; task: string; done: number; total: number }
  /** A master (sub-statuses, ...) changed: the renderer reads the masters again. */
  | { type: 'masters:changed' };
