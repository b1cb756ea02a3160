import type { z } from 'zod';
import type { Rng } from '../helpers/prng.js';

/** Strings that have broken parsers, renderers and databases somewhere. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'null',
  'undefined',
  '-1',
  '1e309',
  '0x7fffffff',
  "'; DROP TABLE orders; --",
  '" OR 1=1 --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|" /C calc"!A0',
  '@SUM(1+1)',
  '../../etc/passwd',
  '..\\..\\windows\\system32',
  '%00',
  '%s%s%s%n',
  '${process.exit()}',
  '{{constructor.constructor("return process")()}}',
  '\ud800',
  '\udfff\ud800',
  '\u202eTXT.EXE',
  '\u200b\u200c\u200d\ufeff',
  'ｱｲｳｴｵ ｶﾞｷﾞ',
  '𠮷野家🍣👨‍👩‍👧‍👦',
  'e\u0301\u0301\u0301\u0301',
  '\r\n\r\n',
  '\t\v\f\b',
  '\x1b[31mred',
  '__proto__',
  'constructor',
  'prototype',
];

const NASTY_NUMBERS = [
  0,
  -0,
  -1,
  1.5,
  -1.5,
  NaN,
  Infinity,
  -Infinity,
  2 ** 31,
  2 ** 53 + 1,
  -(2 ** 53) - 1,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e-300,
];

function hugeString(rng: Rng): string {
  const sizes = [1_000, 65_537, 1_000_000];
  return rng.pick(['あ', 'a', '\u{1F363}', '<']).repeat(rng.pick(sizes));
}

function deepObject(depth: number): unknown {
  let v: unknown = { leaf: true };
  // One child per level: shared children would make JSON.stringify exponential.
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : { b: [v] };
  return v;
}

function deepArray(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** Objects whose keys try prototype pollution; JSON text keeps "__proto__" as an own key. */
export function pollutionObject(rng: Rng): Record<string, unknown> {
  const payload = { polluted: 'yes', isAdmin: true, toString: 'x' };
  const o = JSON.parse(`{"__proto__": ${JSON.stringify(payload)}}`) as Record<string, unknown>;
  if (rng.chance(0.5)) o['constructor'] = { prototype: payload };
  if (rng.chance(0.5)) o.prototype = payload;
  return o;
}

/** Any value at all: wrong types, boundaries, huge, deep, cyclic (IPC can carry cycles). */
export function junk(rng: Rng, depth = 0, options: { json?: boolean } = {}): unknown {
  const kinds = [
    'string',
    'number',
    'bool',
    'null',
    'undefined',
    'array',
    'object',
    'huge',
    'deep',
    'pollution',
    'date',
    'bigint',
    'cyclic',
  ];
  const kind = rng.pick(
    options.json ? kinds.filter((k) => !['undefined', 'bigint', 'cyclic', 'date'].includes(k)) : kinds,
  );
  switch (kind) {
    case 'string':
      return rng.chance(0.8)
        ? rng.pick(NASTY_STRINGS)
        : String.fromCharCode(...Array.from({ length: rng.int(1, 40) }, () => rng.int(0, 0xffff)));
    case 'number':
      return rng.chance(0.8) ? rng.pick(NASTY_NUMBERS) : (rng.next() - 0.5) * 10 ** rng.int(0, 20);
    case 'bool':
      return rng.chance(0.5);
    case 'null':
      return null;
    case 'undefined':
      return undefined;
    case 'array':
      return depth > 3 ? [] : Array.from({ length: rng.int(0, 4) }, () => junk(rng, depth + 1, options));
    case 'object':
      return depth > 3
        ? {}
        : Object.fromEntries(
            Array.from({ length: rng.int(0, 4) }, () => [rng.pick(NASTY_STRINGS), junk(rng, depth + 1, options)]),
          );
    case 'huge':
      return rng.chance(0.5) ? hugeString(rng) : Array.from({ length: rng.pick([1_001, 100_001]) }, (_, i) => i - 1);
    case 'deep': {
      // Deeper JSON is sent as raw text by the HTTP test (JSON.stringify itself would overflow).
      const depthOf = options.json ? 800 : 5_000;
      return rng.chance(0.5) ? deepObject(rng.pick([50, depthOf])) : deepArray(rng.pick([50, depthOf]));
    }
    case 'pollution':
      return pollutionObject(rng);
    case 'date':
      return new Date(rng.pick([0, NaN, 8.64e15]));
    case 'bigint':
      return BigInt(rng.int(-5, 5)) * 2n ** 70n;
    default: {
      const o: Record<string, unknown> = { a: 1 };
      o.self = o;
      return o;
    }
  }
}

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * A plausible value for a zod schema (best effort), so that mutating ONE field of it
 * reaches the checks behind the first field: refinements, cross-field rules, deep shapes.
 */
export function sample(schema: z.ZodType, rng: Rng, depth = 0): unknown {
  const def = defOf(schema);
  if (depth > 6) return undefined;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, sample(v, rng, depth + 1)]));
    }
    case 'string':
      return rng.pick(['テスト', 'abc', '2026-11-27', '1']);
    case 'number':
    case 'int':
      return rng.pick([1, 2, 10]);
    case 'boolean':
      return rng.chance(0.5);
    case 'enum':
      return rng.pick(Object.values(def.entries as Record<string, unknown>));
    case 'literal':
      return rng.pick(def.values as unknown[]);
    case 'array':
      return [sample(def.element as z.ZodType, rng, depth + 1)];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return sample(def.innerType as z.ZodType, rng, depth + 1);
    case 'union':
      return sample(rng.pick(def.options as z.ZodType[]), rng, depth + 1);
    case 'pipe':
      return sample(def.in as z.ZodType, rng, depth + 1);
    case 'record':
      return {
        [String(sample(def.keyType as z.ZodType, rng, depth + 1))]: sample(def.valueType as z.ZodType, rng, depth + 1),
      };
    case 'tuple':
      return (def.items as z.ZodType[]).map((i) => sample(i, rng, depth + 1));
    case 'null':
      return null;
    default:
      return undefined;
  }
}

/** Paths to every leaf of a sample, to mutate one of them. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...prefix, i])).concat([prefix]);
  if (value && typeof value === 'object')
    return Object.entries(value)
      .flatMap(([k, v]) => leafPaths(v, [...prefix, k]))
      .concat([prefix]);
  return [prefix];
}

/** A plausible input with one value (or the whole input) replaced by junk, or extra junk keys. */
export function mutate(schema: z.ZodType, rng: Rng, options: { json?: boolean } = {}): unknown {
  const base = sample(schema, rng);
  const roll = rng.next();
  if (roll < 0.15 || base === undefined || typeof base !== 'object' || base === null) return junk(rng, 0, options);
  const copy = structuredClone(base) as Record<string, unknown>;
  if (roll < 0.25) return Object.assign(pollutionObject(rng), copy);
  const paths = leafPaths(copy).filter((p) => p.length > 0);
  if (!paths.length) return junk(rng, 0, options);
  const path = rng.pick(paths);
  let cursor: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (rng.chance(0.1)) delete cursor[last];
  else cursor[last] = junk(rng, 1, options);
  return copy;
}
