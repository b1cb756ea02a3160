/**
 * The stock rules both a store PC and the central server judge with (S15, N1, N2). Pure:
 * the callers read the counts from their own database, in their own transaction.
 */

/** One line an order needs more of than the store has (欠品). */
export interface ShortLine {
  sku: string;
  title: string;
  needed: number;
  available: number;
}

/** What an order needs of one SKU (its lines of that SKU added up). */
export interface StockNeed {
  sku: string;
  title: string;
  needed: number;
}

/**
 * The lines an order cannot have: every need whose SKU has fewer units free (on hand minus
 * reserved, never below 0) than it needs. Empty: the whole order can be reserved.
 */
export function shortLines(needs: readonly StockNeed[], available: (sku: string) => number): ShortLine[] {
  return needs
    .map((need) => ({ ...need, available: Math.max(0, available(need.sku)) }))
    .filter((line) => line.available < line.needed);
}

/** 「SKU（必要 2 / 在庫 1）」 for refusal messages. */
export function describeShortLines(lines: readonly ShortLine[]): string {
  return lines.map((l) => `${l.sku}（必要 ${l.needed} / 在庫 ${l.available}）`).join('、');
}

/** The refusal of a reservation: what is short. */
export function shortRefusal(lines: readonly ShortLine[]): string {
  return `欠品があります: ${describeShortLines(lines)}。欠品登録してください。`;
}

/** The refusal of a count that would leave orders' reservations uncovered (on hand ≥ reserved). */
export function belowReserved(onHand: number, reserved: number): string | null {
  if (onHand >= reserved) return null;
  return `在庫数 ${onHand} は引当数 ${reserved} を下回ります（確認済みの注文が確保している数です）。出荷・取消のあとで直すか、${reserved} 以上にしてください。`;
}

/** The refusal of a stock check of an order no store ships (nothing to reserve from). */
export const NO_STORE_REFUSAL =
  '出荷店舗が指定されていないため在庫を確認できません。F4 拡張の「出荷店舗一括指定」で出荷店舗を指定してください。';
