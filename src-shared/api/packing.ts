import { z } from 'zod';
import type { PackingLine, PackingOutcome } from '../domain/packing.js';
import { method } from './define.js';
import { lineText } from './text.js';

/** An order opened at the packing table (検品): its lines with what has been scanned so far. */
export interface PackingOrder {
  orderId: number;
  orderNo: string;
  buyerName: string;
  /** 送り状番号 (canonical), once registered: its scan ships a packed order. */
  trackingNo: string | null;
  lines: PackingLine[];
  /** Every line scanned in full (検品済). */
  packed: boolean;
}

/** One item scan: the order after it, and what to tell the clerk (red unless ticked or complete). */
export interface PackingScanResult {
  outcome: PackingOutcome;
  message: string;
  order: PackingOrder;
}

const code = lineText().trim().min(1, 'バーコードを読み取ってください。').max(80);

/** 「検品してから出荷確定する」: the stores whose 出荷確定 waits for 検品済. */
export interface PackingSettings {
  requiredStores: string[];
}

export const packingApi = {
  'packing:settings': method<PackingSettings>()(z.object({})),
  /** Turns 「検品してから出荷確定する」 on or off for one store. */
  'packing:saveSettings': method<PackingSettings>()(
    z.object({ storeId: lineText().trim().min(1, '店舗を選んでください。').max(40), required: z.boolean() }),
  ),
  /** 検品: opens an order by the barcode of its picking list or 納品書 (the order number). */
  'packing:open': method<PackingOrder>()(z.object({ code })),
  /** 検品: one item scanned (JAN or 商品コード) for an opened order. */
  'packing:scan': method<PackingScanResult>()(z.object({ orderId: z.number().int().positive(), code })),
  /** 検品やり直し: the order's scans and 検品済 no longer count (a history row). */
  'packing:reset': method<PackingOrder>()(z.object({ orderId: z.number().int().positive() })),
};
