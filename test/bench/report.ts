import type { Measurement } from './harness.js';

/** One figure over the bench's runs (`--repeat N`): every value, the median shown. */
export interface Figure {
  section: string;
  measurement: Measurement;
  values: number[];
}

/** Figures by section and name, in the order they were first measured. */
export class Figures {
  private readonly byKey = new Map<string, Figure>();

  add(section: string, measurements: Measurement[]): void {
    for (const m of measurements) {
      const key = `${section}\u0000${m.name}`;
      const known = this.byKey.get(key);
      if (known) {
        known.values.push(m.value);
        known.measurement = m;
      } else this.byKey.set(key, { section, measurement: m, values: [m.value] });
    }
  }

  all(): Figure[] {
    return [...this.byKey.values()];
  }
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

export function medianOf(values: number[]): number {
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The run that did worst against the target: every run must meet it. */
function worst(f: Figure): number {
  const s = sorted(f.values);
  return f.measurement.target?.op === '>' ? s[0]! : s[s.length - 1]!;
}

export function meets(f: Figure): boolean | null {
  const target = f.measurement.target;
  if (!target) return null;
  const value = worst(f);
  if (target.op === '<') return value < target.value;
  if (target.op === '<=') return value <= target.value;
  return value > target.value;
}

function format(value: number, unit: Measurement['unit']): string {
  if (unit === 'x') return value.toFixed(2);
  return value < 10 ? value.toFixed(2) : value.toFixed(0);
}

export function formatFigure(f: Figure): string {
  const m = f.measurement;
  const verdict = meets(f);
  const mark = verdict === null ? ' ' : verdict ? '✓' : '✗';
  const s = sorted(f.values);
  const spread =
    s.length > 1
      ? ` (min ${format(s[0]!, m.unit)}, median ${format(medianOf(s), m.unit)}, max ${format(s[s.length - 1]!, m.unit)} of ${s.length})`
      : '';
  const target = m.target ? ` [target ${m.target.op} ${m.target.value} ${m.unit}]` : '';
  return `${mark} ${m.name}: ${format(medianOf(s), m.unit)} ${m.unit}${spread}${target}${m.note ? ` — ${m.note}` : ''}`;
}
