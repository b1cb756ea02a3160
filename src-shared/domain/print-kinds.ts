/** The documents E8 prints: the picking list and the delivery note (納品書) per parcel. */
export const PRINT_KINDS = ['picking', 'delivery_note'] as const;
export type PrintKind = (typeof PRINT_KINDS)[number];
export const PRINT_KIND_LABELS: Record<PrintKind, string> = { picking: 'ピッキングリスト', delivery_note: '納品書' };

export function isPrintKind(value: string): value is PrintKind {
  return (PRINT_KINDS as readonly string[]).includes(value);
}
