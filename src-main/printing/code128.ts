/**
 * Code 128 (ISO/IEC 15417) for order numbers, so the ship-confirm scan reads them back.
 * Each symbol is six alternating bar/space widths in modules (11 modules in all); the stop
 * symbol has seven (13 modules). Code set B carries printable ASCII; runs of four or more
 * digits switch to code set C (two digits per symbol), which keeps long numbers short.
 */
const PATTERNS = [
  '212222',
  '222122',
  '222221',
  '121223',
  '121322',
  '131222',
  '122213',
  '122312',
  '132212',
  '221213',
  '221312',
  '231212',
  '112232',
  '122132',
  '122231',
  '113222',
  '123122',
  '123221',
  '223211',
  '221132',
  '221231',
  '213212',
  '223112',
  '312131',
  '311222',
  '321122',
  '321221',
  '312212',
  '322112',
  '322211',
  '212123',
  '212321',
  '232121',
  '111323',
  '131123',
  '131321',
  '112313',
  '132113',
  '132311',
  '211313',
  '231113',
  '231311',
  '112133',
  '112331',
  '132131',
  '113123',
  '113321',
  '133121',
  '313121',
  '211331',
  '231131',
  '213113',
  '213311',
  '213131',
  '311123',
  '311321',
  '331121',
  '312113',
  '312311',
  '332111',
  '314111',
  '221411',
  '431111',
  '111224',
  '111422',
  '121124',
  '121421',
  '141122',
  '141221',
  '112214',
  '112412',
  '122114',
  '122411',
  '142112',
  '142211',
  '241211',
  '221114',
  '413111',
  '241112',
  '134111',
  '111242',
  '121142',
  '121241',
  '114212',
  '124112',
  '124211',
  '411212',
  '421112',
  '421211',
  '212141',
  '214121',
  '412121',
  '111143',
  '111341',
  '131141',
  '114113',
  '114311',
  '411113',
  '411311',
  '113141',
  '114131',
  '311141',
  '411131',
  '211412',
  '211214',
  '211232',
  '2331112',
];

const START_B = 104;
const START_C = 105;
const CODE_B = 100; // in code set C: switch to B
const CODE_C = 99; // in code set B: switch to C
const STOP = 106;

function digitRun(text: string, from: number): number {
  let n = 0;
  while (from + n < text.length && text.charCodeAt(from + n) >= 48 && text.charCodeAt(from + n) <= 57) n += 1;
  return n;
}

/** Symbol values (start, data, checksum, stop) for printable ASCII text. */
export function code128Values(text: string): number[] {
  if (text.length === 0) throw new Error('empty barcode text');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || c > 126) throw new Error(`Code 128 B cannot encode ${JSON.stringify(text[i])}`);
  }
  const values: number[] = [];
  let set: 'B' | 'C';
  let i = 0;
  const leading = digitRun(text, 0);
  if (leading >= 4 && (leading === text.length || leading >= 6 || leading % 2 === 0)) {
    set = 'C';
    values.push(START_C);
  } else {
    set = 'B';
    values.push(START_B);
  }
  while (i < text.length) {
    if (set === 'C') {
      if (digitRun(text, i) >= 2) {
        values.push(Number(text.slice(i, i + 2)));
        i += 2;
        continue;
      }
      values.push(CODE_B);
      set = 'B';
      continue;
    }
    const run = digitRun(text, i);
    // Switching costs one symbol; pairs of digits save one each, so four or more pay off.
    if (run >= 4) {
      if (run % 2 === 1) {
        values.push(text.charCodeAt(i) - 32);
        i += 1;
      }
      values.push(CODE_C);
      set = 'C';
      continue;
    }
    values.push(text.charCodeAt(i) - 32);
    i += 1;
  }
  let sum = values[0]!;
  for (let k = 1; k < values.length; k++) sum += values[k]! * k;
  values.push(sum % 103, STOP);
  return values;
}

/** Bars as [start module, width in modules], without the quiet zones. */
export function code128Bars(text: string): { bars: [number, number][]; modules: number } {
  const bars: [number, number][] = [];
  let x = 0;
  for (const value of code128Values(text)) {
    const pattern = PATTERNS[value]!;
    for (let k = 0; k < pattern.length; k++) {
      const width = pattern.charCodeAt(k) - 48;
      if (k % 2 === 0) bars.push([x, width]);
      x += width;
    }
  }
  return { bars, modules: x };
}
