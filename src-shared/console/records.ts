import { z } from 'zod';
import type { Masters } from '../api/app.js';
import { orderFileUploads, type ImportNeedsMapping, type ImportPreview, type ImportResult } from '../api/imports.js';
import { CHANNELS } from '../domain/channels.js';
import type { HistoryEntry } from '../domain/order.js';
import { MAIN_STATUSES } from '../domain/status.js';
import { consoleMethod } from './define.js';

/** A change a store PC pushed and the server refused (同期エラー). */
export interface ConsoleRefusal {
  at: string;
  clientId: number;
  clientName: string;
  storeId: string | null;
  storeName: string | null;
  channel: string;
  orderNo: string;
  /** What was tried, in the manual's words. */
  attempted: string;
  reason: string;
}

export interface ConsoleOrderRow {
  id: number;
  channel: string;
  orderNo: string;
  orderedAt: string;
  buyerName: string;
  status: string;
  storeId: string | null;
  storeName: string | null;
  total: number;
  trackingNo: string | null;
  updatedAt: string;
}

export interface ConsoleOrderDetail extends ConsoleOrderRow {
  buyerKana: string;
  shipName: string;
  shipPrefecture: string;
  paymentMethod: string;
  items: { lineNo: number; sku: string; title: string; quantity: number; unitPrice: number }[];
  history: Omit<HistoryEntry, 'id'>[];
}

const orderSearchInput = z.object({
  /** Order number (exact or its beginning), or part of the buyer's name, kana, e-mail or phone. */
  text: z.string().trim().max(100).default(''),
  status: z.enum(MAIN_STATUSES).optional(),
  storeId: z.string().max(40).optional(),
  channel: z.enum(CHANNELS).optional(),
  /** Order date range, JST calendar days (YYYY-MM-DD). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.number().int().min(1).max(200).default(100),
  /** The last row of the previous page (newest first), for the next page. */
  after: z.object({ orderedAt: z.string().max(40), id: z.number().int() }).optional(),
});

export interface LogUpload {
  id: number;
  clientId: number;
  clientName: string;
  storeName: string | null;
  receivedAt: string;
  note: string;
  bytes: number;
  files: { id: number; name: string; bytes: number }[];
}

export interface AuditEntry {
  id: number;
  at: string;
  login: string;
  action: string;
  detail: Record<string, unknown>;
  address: string;
}

export const recordsApi = {
  'console:intakePreview': consoleMethod<ImportPreview | ImportNeedsMapping>()(
    'write',
    '取込ファイルの確認',
    z.object({
      files: orderFileUploads,
      channel: z.enum(CHANNELS).default('yahoo_auction'),
      /** The shipping store the new orders go to (null = not assigned yet). */
      storeId: z.string().max(40).nullable().default(null),
    }),
  ),
  'console:intakeCommit': consoleMethod<ImportResult>()(
    'write',
    'ファイル取込',
    z.object({ previewId: z.string().min(1).max(100) }),
  ),
  'console:refusals': consoleMethod<ConsoleRefusal[]>()(
    'read',
    '同期エラー一覧',
    z.object({
      storeId: z.string().max(40).optional(),
      clientId: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(500).default(200),
    }),
  ),
  'console:orders': consoleMethod<ConsoleOrderRow[]>()('read', '受注一覧', orderSearchInput),
  'console:masters': consoleMethod<Masters>()('read', 'マスタ', z.object({})),
  'console:order': consoleMethod<ConsoleOrderDetail>()(
    'read',
    '注文の履歴',
    z.object({ id: z.number().int().positive() }),
  ),
  'console:logUploads': consoleMethod<LogUpload[]>()(
    'read',
    'ログ一覧',
    z.object({ clientId: z.number().int().positive().optional(), limit: z.number().int().min(1).max(200).default(50) }),
  ),
  'console:logFile': consoleMethod<{ name: string; text: string; truncated: boolean }>()(
    'read',
    'ログの表示',
    z.object({ id: z.number().int().positive() }),
  ),
  'console:audit': consoleMethod<AuditEntry[]>()(
    'read',
    '操作履歴',
    z.object({ limit: z.number().int().min(1).max(500).default(200), before: z.number().int().optional() }),
  ),
};
