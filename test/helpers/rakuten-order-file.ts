import { csvLine, totalOfFile, type FileOrder } from './order-files.js';

/**
 * The columns of 楽天 RMS's order data download (楽天ペイ注文), in their order: one line per
 * item, the order's columns repeated on each; names, postal codes, addresses and phone
 * numbers come split into parts.
 */
export const RAKUTEN_COLUMNS = [
  '注文番号',
  'ステータス',
  'サブステータスID',
  'サブステータス',
  '注文日時',
  '注文日',
  '注文時間',
  'キャンセル期限日',
  '注文確認日時',
  '注文確定日時',
  '発送指示日時',
  '発送完了報告日時',
  '支払方法名',
  'クレジットカード支払い方法',
  'クレジットカード支払い回数',
  '配送方法',
  '配送区分',
  '注文種別',
  '複数送付先フラグ',
  '送付先一致フラグ',
  '離島フラグ',
  '楽天確認中フラグ',
  '警告表示タイプ',
  '楽天会員フラグ',
  '購入履歴修正有無フラグ',
  '商品合計金額',
  '消費税合計',
  '送料合計',
  '代引料合計',
  '請求金額',
  '合計金額',
  'ポイント利用額',
  'クーポン利用総額',
  '店舗発行クーポン利用額',
  '楽天発行クーポン利用額',
  '注文者郵便番号1',
  '注文者郵便番号2',
  '注文者住所都道府県',
  '注文者住所郡市区',
  '注文者住所それ以降の住所',
  '注文者姓',
  '注文者名',
  '注文者姓カナ',
  '注文者名カナ',
  '注文者電話番号1',
  '注文者電話番号2',
  '注文者電話番号3',
  '注文者メールアドレス',
  '注文者性別',
  '申込番号',
  '申込お届け回数',
  '送付先ID',
  '送付先送料',
  '送付先代引料',
  '送付先消費税合計',
  '送付先商品合計金額',
  '送付先合計金額',
  'のし',
  '送付先郵便番号1',
  '送付先郵便番号2',
  '送付先住所都道府県',
  '送付先住所郡市区',
  '送付先住所それ以降の住所',
  '送付先姓',
  '送付先名',
  '送付先姓カナ',
  '送付先名カナ',
  '送付先電話番号1',
  '送付先電話番号2',
  '送付先電話番号3',
  '商品明細ID',
  '商品ID',
  '商品名',
  '商品番号',
  '商品管理番号',
  '単価',
  '個数',
  '送料込別',
  '税込別',
  '代引手数料込別',
  '項目・選択肢',
  'ポイント倍率',
  '納期情報',
  '在庫タイプ',
  'ラッピングタイトル1',
  'ラッピング名1',
  'ラッピング料金1',
  'ラッピング税込別1',
  'ラッピング種類1',
  'ラッピングタイトル2',
  'ラッピング名2',
  'ラッピング料金2',
  'ラッピング税込別2',
  'ラッピング種類2',
  'お届け時間帯',
  'お届け日指定',
  '担当者',
  'ひとことメモ',
  'メール差込文 (お客様へのメッセージ)',
  'ギフト配送希望',
  'コメント',
  '利用端末',
  'メールキャリアコード',
  'あす楽希望フラグ',
  '医薬品受注フラグ',
  '楽天スーパーDEAL商品受注フラグ',
  'メンバーシッププログラム受注タイプ',
] as const;

/** What a 楽天 order adds to the test's order: points, a coupon and a wrapping fee. */
export interface RakutenExtras {
  points?: number;
  coupon?: number;
  wrapping?: number;
  /** 請求金額 as the file states it (what the buyer pays), when the test wants it wrong. */
  billed?: number;
}

const split = (name: string) => {
  const [family = '', given = ''] = name.split(' ');
  return { family, given };
};

/** 楽天's order data for the test's orders (payment as 楽天 names it: クレジットカード, 代金引換 …). */
export function rakutenOrderData(orders: FileOrder[], extras: Record<string, RakutenExtras> = {}): string {
  const lines = [csvLine([...RAKUTEN_COLUMNS])];
  for (const o of orders) {
    const x = extras[o.orderNo] ?? {};
    const goods = o.items.reduce((s, i) => s + i.quantity * i.unitPrice, 0);
    const discount = (x.points ?? 0) + (x.coupon ?? 0);
    const billed = x.billed ?? totalOfFile(o) + (x.wrapping ?? 0) - discount;
    const ship = split(o.shipName);
    const [zip1 = '', zip2 = ''] = o.zip.split('-');
    const [tel1 = '', tel2 = '', tel3 = ''] = o.phone.split('-');
    o.items.forEach((item, i) => {
      const row: Record<string, string | number> = {
        注文番号: o.orderNo,
        ステータス: '発送待ち',
        注文日時: o.orderedAt,
        支払方法名: o.payment,
        配送方法: '宅配便',
        複数送付先フラグ: 0,
        商品合計金額: goods,
        送料合計: o.shipCharge,
        代引料合計: o.payCharge,
        請求金額: billed,
        合計金額: billed + discount,
        ポイント利用額: x.points ?? 0,
        クーポン利用総額: x.coupon ?? 0,
        注文者郵便番号1: zip1,
        注文者郵便番号2: zip2,
        注文者住所都道府県: o.prefecture,
        注文者住所郡市区: o.city,
        注文者住所それ以降の住所: o.address1,
        注文者姓: o.billLast,
        注文者名: o.billFirst,
        注文者電話番号1: tel1,
        注文者電話番号2: tel2,
        注文者電話番号3: tel3,
        注文者メールアドレス: o.email,
        送付先ID: 100_000 + i,
        送付先郵便番号1: zip1,
        送付先郵便番号2: zip2,
        送付先住所都道府県: o.prefecture,
        送付先住所郡市区: o.city,
        送付先住所それ以降の住所: `${o.address1} ${o.address2}`.trim(),
        送付先姓: ship.family,
        送付先名: ship.given,
        送付先電話番号1: tel1,
        送付先電話番号2: tel2,
        送付先電話番号3: tel3,
        商品明細ID: 9_000_000 + i,
        商品ID: item.itemId,
        商品名: item.title,
        商品番号: item.itemId,
        商品管理番号: item.subCode || item.itemId,
        単価: item.unitPrice,
        個数: item.quantity,
        ラッピング料金1: x.wrapping ?? '',
        コメント: o.comment,
      };
      lines.push(csvLine(RAKUTEN_COLUMNS.map((c) => row[c] ?? '')));
    });
  }
  return `${lines.join('\r\n')}\r\n`;
}
