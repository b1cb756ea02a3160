/**
 * Natural order for 棚番 and the like: runs of digits compare by their value, so A-2 comes
 * before A-10 and 棚9 before 棚10. Full-width digits count as digits (Ａ－２ = A-2).
 */

import { nfkc } from './normalize.js';

const RUNS = /\d+|\D+/g;

function runsOf(text: string): string[] {
  return nfkc(text).match(RUNS) ?? [];
}

const isDigits = (run: string): boolean => run.charCodeAt(0) >= 48 && run.charCodeAt(0) <= 57;

function compareRun(a: string, b: string): number {
  if (isDigits(a) && isDigits(b)) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    if (x.length !== y.length) return x.length - y.length;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares two texts in natural order; texts equal in value fall back to their plain order (A-02 after A-2). */
export function compareNatural(a: string, b: string): number {
  const x = runsOf(a);
  const y = runsOf(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const order = compareRun(x[i]!, y[i]!);
    if (order !== 0) return order;
  }
  return x.length - y.length || (a < b ? -1 : a > b ? 1 : 0);
}
