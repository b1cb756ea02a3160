import { FIELD_LABELS } from './order-fields.js';

/** The 47 都道府県, as a ship-to's prefecture is written. */
export const PREFECTURES = [
  '北海道',
  '青森県',
  '岩手県',
  '宮城県',
  '秋田県',
  '山形県',
  '福島県',
  '茨城県',
  '栃木県',
  '群馬県',
  '埼玉県',
  '千葉県',
  '東京都',
  '神奈川県',
  '新潟県',
  '富山県',
  '石川県',
  '福井県',
  '山梨県',
  '長野県',
  '岐阜県',
  '静岡県',
  '愛知県',
  '三重県',
  '滋賀県',
  '京都府',
  '大阪府',
  '兵庫県',
  '奈良県',
  '和歌山県',
  '鳥取県',
  '島根県',
  '岡山県',
  '広島県',
  '山口県',
  '徳島県',
  '香川県',
  '愛媛県',
  '高知県',
  '福岡県',
  '佐賀県',
  '長崎県',
  '熊本県',
  '大分県',
  '宮崎県',
  '鹿児島県',
  '沖縄県',
] as const;

/** An order's 送付先 (送り先): the columns F12 edits as one change (ship_to). */
export interface ShipTo {
  shipName: string;
  shipPostalCode: string;
  shipPrefecture: string;
  shipAddress1: string;
  shipAddress2: string;
  shipPhone: string;
}

export const SHIP_TO_KEYS = [
  'shipName',
  'shipPostalCode',
  'shipPrefecture',
  'shipAddress1',
  'shipAddress2',
  'shipPhone',
] as const satisfies readonly (keyof ShipTo)[];

/** Full-width digits and hyphens as half-width, spaces trimmed, 郵便番号 as 150-0001: what a clerk types, as stored. */
export function normalizeShipTo(s: ShipTo): ShipTo {
  const half = (v: string) =>
    v
      .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/[－‐―ー−]/g, '-')
      .trim();
  return {
    shipName: s.shipName.trim(),
    shipPostalCode: formatPostalCode(half(s.shipPostalCode).replace(/-/g, '')),
    shipPrefecture: s.shipPrefecture.trim(),
    shipAddress1: s.shipAddress1.trim(),
    shipAddress2: s.shipAddress2.trim(),
    shipPhone: half(s.shipPhone),
  };
}

/** Why a (normalised) 送付先 cannot be saved, in the clerk's words; null when it can. */
export function shipToError(s: ShipTo): string | null {
  if (s.shipName === '') return 'お届け先名を入力してください。';
  if (!/^\d{3}-\d{4}$/.test(s.shipPostalCode)) return 'お届け先郵便番号は7桁の数字で入力してください（例: 150-0001）。';
  if (!(PREFECTURES as readonly string[]).includes(s.shipPrefecture))
    return `お届け先都道府県「${s.shipPrefecture}」は都道府県の名前ではありません。一覧から選んでください。`;
  if (s.shipAddress1 === '') return 'お届け先住所を入力してください。';
  if (s.shipPhone !== '' && !/^\+?[\d-]{10,15}$/.test(s.shipPhone))
    return 'お届け先電話番号は数字とハイフンで入力してください（例: 03-1234-5678）。';
  return null;
}

/** 1500001 → 150-0001, as a postal code is read. */
function formatPostalCode(code: string): string {
  return /^\d{7}$/.test(code) ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}

const shown = (key: keyof ShipTo, value: string) => `${FIELD_LABELS[key]} ${value || '（なし）'}`;

/**
 * The history's from and to of a 送付先変更: each changed field by name, before and after
 * ("お届け先住所 渋谷1-1" → "お届け先住所 渋谷1-1-3"); null when nothing changed.
 */
export function describeShipToChange(before: ShipTo, after: ShipTo): { from: string; to: string } | null {
  const changed = SHIP_TO_KEYS.filter((k) => before[k] !== after[k]);
  if (changed.length === 0) return null;
  return {
    from: changed.map((k) => shown(k, before[k])).join('／'),
    to: changed.map((k) => shown(k, after[k])).join('／'),
  };
}
