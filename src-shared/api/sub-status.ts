import { z } from 'zod';
import { MAIN_STATUSES } from '../domain/status.js';
import type { SubStatusInfo } from './app.js';
import { method } from './define.js';
import { lineText } from './text.js';
import { orderId } from './orders.js';

export const subStatusName = lineText()
  .trim()
  .min(1, 'サブステータス名を入力してください。')
  .max(20, 'サブステータス名は20文字以内で入力してください。');
export const subStatusColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, '色は #RRGGBB の形で指定してください。');
const subStatusId = orderId;

/**
 * 注文サブステータス管理マスタメンテナンス (S4): per main status, add, rename, colour,
 * reorder, retire (and restore). Retired ones stay on the orders that have them.
 */
export const subStatusApi = {
  'subStatus:add': method<SubStatusInfo>()(
    z.object({ mainStatus: z.enum(MAIN_STATUSES), name: subStatusName, color: subStatusColor }),
  ),
  'subStatus:update': method<SubStatusInfo>()(
    z.object({ id: subStatusId, name: subStatusName, color: subStatusColor }),
  ),
  /** The main status's sub-statuses in their new order (every one of them, retired included). */
  'subStatus:reorder': method<SubStatusInfo[]>()(
    z.object({ mainStatus: z.enum(MAIN_STATUSES), ids: z.array(subStatusId).min(1).max(500) }),
  ),
  'subStatus:setRetired': method<SubStatusInfo>()(z.object({ id: subStatusId, retired: z.boolean() })),
  /** How many orders carry each sub-status (by id), so staff see what a retirement touches. */
  'subStatus:usage': method<Record<number, number>>()(z.object({})),
};
