import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../src-shared/api/index.js';
import { LINE_CHECK, TEXT_CHECK, lineText, multiLineText } from '../../../src-shared/api/text.js';
import { MASTER_ROW_SCHEMAS } from '../../../src-shared/sync/master-rows.js';
import { mastersUpload, newOrderInput, wireOp } from '../../../src-shared/sync/protocol.js';
import { findUnsafeChar, markUnsafeChars } from '../../../src-shared/text/unsafe-chars.js';

interface Def {
  type: string;
  format?: string;
  checks?: { _zod: { def: { check: string; format?: string } } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Paths of string schemas that carry neither text check nor a format (regex, date-time, ...) of their own. */
function uncheckedStrings(schema: z.ZodType, path: string, out: string[], seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = defOf(schema);
  const children: [string, z.ZodType | undefined][] = [];
  switch (def.type) {
    case 'string': {
      const checks = def.checks ?? [];
      const safe =
        def.format !== undefined ||
        checks.some(
          (c) => (c as unknown) === LINE_CHECK || (c as unknown) === TEXT_CHECK || c._zod.def.check === 'string_format',
        );
      if (!safe) out.push(path);
      return out;
    }
    case 'object':
      for (const [key, child] of Object.entries(def.shape ?? {})) children.push([`${path}.${key}`, child]);
      break;
    case 'array':
      children.push([`${path}[]`, def.element]);
      break;
    case 'record':
      children.push([`${path}{key}`, def.keyType], [`${path}{}`, def.valueType]);
      break;
    case 'union':
      (def.options ?? []).forEach((o, i) => children.push([`${path}|${i}`, o]));
      break;
    case 'pipe':
      children.push([path, def.in], [path, def.out]);
      break;
    case 'intersection':
      children.push([path, def.left], [path, def.right]);
      break;
    default:
      children.push([path, def.innerType]);
  }
  for (const [p, child] of children) if (child) uncheckedStrings(child, p, out, seen);
  return out;
}

describe('shared text schemas', () => {
  it('every text of the contract, the sync wire and the master rows carries the unsafe-character check', () => {
    const unchecked: string[] = [];
    for (const [name, spec] of Object.entries(contract)) uncheckedStrings(spec.input as z.ZodType, name, unchecked);
    for (const [name, schema] of Object.entries({ wireOp, newOrderInput, mastersUpload }))
      uncheckedStrings(schema, name, unchecked);
    for (const [kind, schema] of Object.entries(MASTER_ROW_SCHEMAS)) uncheckedStrings(schema, kind, unchecked);
    expect(unchecked).toEqual([]);
    // The walk itself finds a plain string wherever it hides.
    const probe = z.object({ a: z.string(), b: lineText(), c: z.array(z.object({ d: z.string().optional() })) });
    expect(uncheckedStrings(probe, 'probe', [])).toEqual(['probe.a', 'probe.c[].d']);
  });

  it('refuses C0 controls, DEL, C1, lone surrogates and bidi overrides with a Japanese message; tab and line breaks only on multi-line fields', () => {
    const line = lineText().max(100);
    const text = multiLineText().max(100);
    for (const bad of [
      'a\u0000b',
      '\u001b[31m',
      'x\u007f',
      '\u0085',
      '\ud800',
      'a\udfff',
      '\u202eTXT.EXE',
      '\u2066x',
    ]) {
      for (const schema of [line, text]) {
        const result = schema.safeParse(bad);
        expect(result.success, JSON.stringify(bad)).toBe(false);
        expect(result.error!.issues[0]!.message).toMatch(/[\u3040-\u30ff]/);
      }
    }
    for (const breakish of ['a\tb', 'a\nb', 'a\r\nb']) {
      expect(line.safeParse(breakish).success).toBe(false);
      expect(text.safeParse(breakish).success).toBe(true);
    }
    for (const good of ['山田 太郎', '𠮷野家🍣👨‍👩‍👧‍👦', 'ｱｲｳ', 'e\u0301', '\u200e\u200f', '\ufeff', '①㈱']) {
      expect(line.safeParse(good).success, good).toBe(true);
    }
  });

  it('finds the exact character, and marks stored ones visibly', () => {
    expect(findUnsafeChar('ab\u202ec', false)).toEqual({ index: 2, code: 'U+202E', kind: 'bidi' });
    expect(findUnsafeChar('🍣\udc00', false)).toEqual({ index: 2, code: 'U+DC00', kind: 'surrogate' });
    expect(markUnsafeChars('\u202eTXT.EXE a\u0000b')).toBe('〔U+202E〕TXT.EXE a〔U+0000〕b');
    expect(markUnsafeChars('普通の文字\n改行')).toBe('普通の文字\n改行');
  });
});
