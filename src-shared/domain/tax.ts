/**
 * 消費税 for the 納品書 as a 適格請求書 (インボイス): the two rates, the seller's 登録番号 and
 * the amounts per rate. Prices are tax-inclusive (税込) yen; the tax in each rate's total is
 * worked out once per rate per document and rounded down (切り捨て), as the インボイス rules
 * allow (one rounding per rate, never per line).
 */
const TAX_RATES = [10, 8] as const;
export type TaxRate = (typeof TAX_RATES)[number];
const DEFAULT_TAX_RATE: TaxRate = 10;
/** The mark and legend for lines at the reduced rate (軽減税率). */
export const REDUCED_RATE_MARK = '※';
export const REDUCED_RATE_LEGEND = '※は軽減税率（8%）対象';

function isTaxRate(value: number): value is TaxRate {
  return (TAX_RATES as readonly number[]).includes(value);
}

/** Reads a rate as a file gives it: 「8」「8%」「８％」「0.08」「軽減」; '' is the standard rate. */
export function parseTaxRate(text: string): TaxRate | null {
  const t = text.normalize('NFKC').replace(/\s/g, '');
  if (t === '') return DEFAULT_TAX_RATE;
  if (t === '軽減' || t === '軽減税率') return 8;
  if (t === '標準' || t === '標準税率') return 10;
  const n = Number(t.replace(/%$/, ''));
  if (!Number.isFinite(n)) return null;
  const rate = n > 0 && n < 1 ? Math.round(n * 100) : n;
  return isTaxRate(rate) ? rate : null;
}

/** 適格請求書発行事業者の登録番号: "T" and 13 digits ('' = not registered, nothing printed). */
const REGISTRATION_NUMBER_PATTERN = /^T\d{13}$/;

/** Normalises what a clerk typed (全角, spaces, hyphens); null when it is not a 登録番号. */
export function normalizeRegistrationNumber(text: string): string | null {
  const t = text.normalize('NFKC').replace(/[\s-]/g, '').replace(/^t/, 'T');
  if (t === '') return '';
  return REGISTRATION_NUMBER_PATTERN.test(t) ? t : null;
}

export const REGISTRATION_NUMBER_ERROR = '登録番号は「T」に続く 13 桁の数字で入力してください（例: T1234567890123）。';

interface RateTotal {
  rate: TaxRate;
  /** 税込 total of the lines (and fees) at this rate. */
  amount: number;
  /** 消費税額 included in `amount`, rounded down once. */
  tax: number;
}

interface TaxedLine {
  amount: number;
  rate: TaxRate;
}

/** Tax included in a tax-inclusive amount, rounded down (切り捨て). */
function includedTax(amount: number, rate: TaxRate): number {
  return Math.floor((amount * rate) / (100 + rate));
}

/**
 * The document's totals per rate: each line's amount into its rate, then the tax of each
 * rate's sum, rounded once. Only rates that occur are returned, 10% first.
 */
function totalsByRate(lines: readonly TaxedLine[]): RateTotal[] {
  const sums = new Map<TaxRate, number>();
  for (const { amount, rate } of lines) sums.set(rate, (sums.get(rate) ?? 0) + amount);
  return TAX_RATES.filter((rate) => sums.has(rate)).map((rate) => {
    const amount = sums.get(rate)!;
    return { rate, amount, tax: includedTax(amount, rate) };
  });
}

interface TaxedOrder {
  items: readonly { quantity: number; unitPrice: number; taxRate?: TaxRate }[];
  discount: number;
  shippingFee: number;
  codFee: number;
}

/**
 * The per-rate totals of one document's orders: items at their own rate, 送料 and 代引手数料
 * at the standard rate, and each order's 値引 shared between the rates in proportion to its
 * items (按分; the 10% part takes the yen left by rounding). The rates' amounts add up to
 * the orders' 合計.
 */
export function documentRateTotals(orders: readonly TaxedOrder[]): RateTotal[] {
  const lines: TaxedLine[] = [];
  for (const order of orders) {
    const byRate = new Map<TaxRate, number>();
    for (const item of order.items) {
      const rate = item.taxRate ?? DEFAULT_TAX_RATE;
      byRate.set(rate, (byRate.get(rate) ?? 0) + item.unitPrice * item.quantity);
    }
    const itemsTotal = [...byRate.values()].reduce((s, a) => s + a, 0);
    const reducedShare = itemsTotal > 0 ? Math.round((order.discount * (byRate.get(8) ?? 0)) / itemsTotal) : 0;
    for (const [rate, amount] of byRate) {
      const share = rate === 8 ? reducedShare : order.discount - reducedShare;
      lines.push({ rate, amount: amount - share });
    }
    if (itemsTotal === 0 && order.discount) lines.push({ rate: 10, amount: -order.discount });
    const fees = order.shippingFee + order.codFee;
    if (fees) lines.push({ rate: 10, amount: fees });
  }
  return totalsByRate(lines);
}
