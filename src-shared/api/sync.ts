import { z } from 'zod';
import { method } from './define.js';
import { serverUrlProblem } from '../sync/server-url.js';
import { lineText } from './text.js';

/** A local change the central server refused: which order, what, why, and its state now. */
export interface SyncRefusal {
  orderNo: string;
  channel: string;
  attempted: string;
  reason: string;
  /** The order's main status on the server now (label), or why it is gone from this PC. */
  statusNow: string | null;
  at: string;
}

/** What one F6 round did. */
export interface SyncReport {
  /** Orders that came down (new or changed). */
  received: number;
  /** Orders that left this PC (assigned to another store). */
  removed: number;
  /** Local changes the server accepted. */
  sent: number;
  refused: SyncRefusal[];
  masters: number;
}

export interface SyncStatus {
  configured: boolean;
  online: boolean;
  /** Local changes not yet accepted by the server. */
  pending: number;
  lastSyncAt: string | null;
  /** Why the last attempt failed, for the clerk. */
  lastError: string | null;
  unseenRefusals: number;
}

export interface SyncSettings {
  serverUrl: string;
  /** The token itself never comes back to the screen. */
  hasToken: boolean;
  /** Who the server says this PC is, once connected. */
  storeName: string | null;
  isHeadOffice: boolean;
}

export const syncSettingsInput = z.object({
  serverUrl: lineText()
    .trim()
    .max(300)
    .superRefine((v, ctx) => {
      const problem = v === '' ? null : serverUrlProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /** Empty keeps the saved token, for the same server only. */
  token: lineText().trim().max(200).default(''),
});

export const syncApi = {
  'sync:settings': method<SyncSettings>()(z.object({})),
  /** Saves the server address and token after checking them against the server. */
  'sync:saveSettings': method<SyncSettings>()(syncSettingsInput),
  /** F6 最新取得: sends what is queued here, then fetches everything new. */
  'sync:now': method<SyncReport>()(z.object({})),
  'sync:status': method<SyncStatus>()(z.object({})),
  'sync:refusals': method<(SyncRefusal & { id: number; seen: boolean })[]>()(
    z.object({ limit: z.number().int().min(1).max(500).default(100) }),
  ),
  'sync:markRefusalsSeen': method<{ ok: true }>()(z.object({})),
};
