import type { HostBootOptions, ToHost, FromHost } from './protocol.js';

/**
 * Inside the host: its router thread and its two service lanes (worker threads). The writer
 * lane holds the app (every method, background work, events); the reader lane answers the
 * list's reads on its own connection, so a long write never delays a grid block.
 */
export type LaneRole = 'writer' | 'reader';

export interface LaneData {
  role: LaneRole;
  options: HostBootOptions;
}

/** Router → lane: the host's own messages, and the reader's close/open around a restore. */
export type ToLane = Exclude<ToHost, { kind: 'boot' } | { kind: 'shutdown' }> | { kind: 'close' } | { kind: 'open' };

/** Lane → router. */
export type FromLane = FromHost | { kind: 'closed' } | { kind: 'opened' };

/**
 * The methods the reader lane answers: reads of the order list that need nothing the writer
 * holds in memory. Everything else goes to the writer lane, in order.
 */
export const READER_METHODS: ReadonlySet<string> = new Set([
  'orders:list',
  'orders:counts',
  'orders:ids',
  'orders:get',
]);

/** Methods that replace the database file: the reader closes its connection around them. */
export const FILE_SWAP_METHODS: ReadonlySet<string> = new Set(['backup:restore']);
