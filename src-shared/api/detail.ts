import { z } from 'zod';
import { method } from './define.js';
import { orderId, type OrderDetail } from './orders.js';
import { TIME_SLOTS } from '../domain/delivery-wishes.js';
import { lineText, multiLineText } from './text.js';

/** One recorded field change: the history's field name, from and to (as text). */
export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface BundleInfo {
  group: string;
  members: { id: number; orderNo: string; shippingFee: number; codFee: number }[];
}

/** F12 注文詳細 (S16): the order, its history and what the editing form needs. */
export interface EditableOrderDetail extends OrderDetail {
  /** Sent back on save: a save over someone else's newer change is refused. */
  version: number;
  cancelReason: string | null;
  isCod: boolean;
  bundle: BundleInfo | null;
  reservations: { sku: string; quantity: number }[];
  shortages: { sku: string; needed: number; available: number; registeredAt: string; resolvedAt: string | null }[];
}

const yen = z
  .number({ error: '金額は半角数字（円単位の整数）で入力してください。' })
  .int('金額は円単位の整数で入力してください。')
  .min(0, '金額にマイナスは入力できません。')
  .max(99_999_999, '金額が大きすぎます。');

const WISH_DATE_ERROR = '配送希望日は 2026-12-24 の形の日付で入力してください。';

/** The code of a save stopped by the 郵便番号 warning: the form asks, then saves with acceptPostalWarning. */
export const POSTAL_WARNING = 'postal_warning';

export const detailSaveInput = z.object({
  id: orderId,
  version: z.number().int().min(1),
  unitPrices: z.array(z.object({ lineNo: z.number().int().min(1), unitPrice: yen })).max(500),
  discount: yen,
  shippingFee: yen,
  codFee: yen,
  orderComment: multiLineText().max(2000, '注文時コメントは2000文字までです。'),
  staffComment: multiLineText().max(2000, '受注後コメントは2000文字までです。'),
  subStatusId: z.number().int().positive().nullable(),
  /** 配送希望 (absent: unchanged). */
  deliveryDate: z.union([z.literal(''), z.iso.date({ error: WISH_DATE_ERROR })], { error: WISH_DATE_ERROR }).optional(),
  deliveryTimeSlot: z
    .union([z.literal(''), z.enum(TIME_SLOTS)], { error: '配送時間帯は一覧から選んでください。' })
    .optional(),
  deliveryMethod: lineText().max(100, '配送方法は100文字までです。').optional(),
  /** 送付先 (absent: unchanged); checked after full-width digits are made half-width (ship-to.ts). */
  shipTo: z
    .object({
      shipName: lineText().max(200, 'お届け先名は200文字までです。'),
      shipPostalCode: lineText().max(10, 'お届け先郵便番号は7桁の数字で入力してください（例: 150-0001）。'),
      shipPrefecture: lineText().max(10, 'お届け先都道府県は一覧から選んでください。'),
      shipAddress1: lineText().max(500, 'お届け先住所は500文字までです。'),
      shipAddress2: lineText().max(500, 'お届け先住所2は500文字までです。'),
      shipPhone: lineText().max(20, 'お届け先電話番号は数字とハイフンで入力してください（例: 03-1234-5678）。'),
    })
    .optional(),
  /** The clerk saw the 郵便番号 warning and saves anyway. */
  acceptPostalWarning: z.boolean().optional(),
});

export const detailApi = {
  'detail:get': method<EditableOrderDetail>()(z.object({ id: orderId })),
  /** Saves the form: every changed field is validated, written and recorded in one transaction. */
  'detail:save': method<{ detail: EditableOrderDetail; changes: FieldChange[] }>()(detailSaveInput),
};
