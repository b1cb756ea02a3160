import { JAPANPOST_SLOT_CODES, isFreightCollect } from '../../src-shared/domain/delivery-wishes.js';
import {
  addressLines,
  blank,
  note,
  shipToPhone,
  shipToPostal,
  slotCode,
  splitBytes,
  storePhone,
  storePostal,
  taxIncluded,
  wishDate,
  type LabelLayout,
  type Parcel,
} from './label-layouts.js';

/**
 * 日本郵便 クリックポスト まとめ申込 CSV, 8 columns, 40 rows a file. No COD (refused with
 * the wishes, label-wishes.ts); name and each address line at most 20 full-width
 * characters, 内容品 15.
 */
export const CLICKPOST: LabelLayout = {
  format: 'japanpost_clickpost',
  carrier: 'clickpost',
  maxRows: 40,
  columns: [
    shipToPostal(false),
    { header: 'お届け先氏名', value: (p) => p.first.shipTo.name, bytes: 40, required: true },
    { header: 'お届け先敬称', value: () => '様' },
    { header: 'お届け先住所1行目', value: (p) => addressLines(p, 4, 40)[0]!, bytes: 40, required: true },
    { header: 'お届け先住所2行目', value: (p) => addressLines(p, 4, 40)[1]!, bytes: 40 },
    { header: 'お届け先住所3行目', value: (p) => addressLines(p, 4, 40)[2]!, bytes: 40 },
    { header: 'お届け先住所4行目', value: (p) => addressLines(p, 4, 40)[3]!, bytes: 40 },
    { header: '内容品', value: (p) => p.itemName, bytes: 30, required: true, fit: true },
  ],
};

/** ゆうパックプリントR 郵便種別: 0 ゆうパック, 9 ゆうパケット. */
const mailKind = (p: Parcel) => (p.service === 'yupacket' ? '9' : '0');
/** ゆうパックプリントR 元/着払/代引: 0 元払い, 1 着払い, 2 代引き. */
const payment = (p: Parcel) => (p.cod ? '2' : isFreightCollect(p.wish.method) ? '1' : '0');
const storeAddress = (p: Parcel, line: number) => splitBytes(p.store?.address ?? '', 50)[line] ?? '';

/**
 * 日本郵便 ゆうパックプリントR (ゆうプリR) 発送予定データ, for ゆうパック and ゆうパケット.
 * ゆうプリR reads a CSV through an 取込フィルタ the user registers once, matching these
 * headers to its fields, so this is a layout of our own in the order and sizes of its
 * 発送予定データ items as published by sellers' tools (no layout from 日本郵便 itself was
 * found; README): お客様側管理番号 15 half-width, each address line 50 bytes, dates
 * YYYYMMDD, 配達時間帯 00 (none) / 51 午前中 … 57 19時～21時.
 */
export const YUPACK_PRINT: LabelLayout = {
  format: 'japanpost_yupackprint',
  carrier: 'japanpost',
  columns: [
    { header: 'お客様側管理番号', value: (p) => p.first.orderNo, bytes: 15, orderNo: true, required: true },
    { header: '発送予定日', value: (p) => p.shipDate.replace(/\//g, ''), required: true },
    { header: '郵便種別', value: mailKind },
    { header: '保冷種別', value: () => '0' },
    { header: '元/着払/代引', value: payment },
    shipToPostal(true),
    { header: 'お届け先住所1', value: (p) => addressLines(p, 3, 50)[0]!, bytes: 50, required: true },
    { header: 'お届け先住所2', value: (p) => addressLines(p, 3, 50)[1]!, bytes: 50 },
    { header: 'お届け先住所3', value: (p) => addressLines(p, 3, 50)[2]!, bytes: 50 },
    { header: 'お届け先名', value: (p) => p.first.shipTo.name, bytes: 50, required: true },
    { header: 'お届け先敬称', value: () => '様' },
    shipToPhone(20),
    { header: 'お届け予定日', value: (p) => wishDate(p, '') },
    { header: '配達時間帯', value: (p) => slotCode(JAPANPOST_SLOT_CODES)(p) || '00' },
    storePostal,
    { header: 'ご依頼主住所1', value: (p) => storeAddress(p, 0), bytes: 50, required: true },
    {
      header: 'ご依頼主住所2',
      value: (p) =>
        splitBytes(p.store?.address ?? '', 50)
          .slice(1)
          .join(''),
      bytes: 50,
    },
    { header: 'ご依頼主名', value: (p) => p.store?.name ?? '', bytes: 50, required: true },
    storePhone(20),
    { header: '品名', value: (p) => p.itemName, bytes: 50, required: true, fit: true },
    { header: '代引金額', value: (p) => (p.cod ? String(p.codAmount) : '') },
    { header: '代引消費税額', value: (p) => (p.cod ? String(taxIncluded(p.codAmount)) : '') },
    { header: '記事', value: note, bytes: 50 },
    blank('書留/セキュリティ/特定記録種別'),
  ],
};
