import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, type MethodName } from '../../../src-shared/api/index.js';
import { describePath, FIELD_NAMES } from '../../../src-shared/api/issue-messages.js';
import { asciiIdentifiers } from '../../helpers/ascii-identifiers.js';
import { createTestApp } from '../../helpers/test-app.js';

type Def = Record<string, unknown> & { type: string };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every field path of a schema, with a value of the wrong kind to put there. */
function fieldPaths(schema: z.ZodType, path: PropertyKey[] = [], seen = new Set<unknown>()): PropertyKey[][] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, child]) => [
        [...path, key],
        ...fieldPaths(child, [...path, key], seen),
      ]);
    case 'array':
      return fieldPaths(def.element as z.ZodType, [...path, 0], seen);
    case 'record': {
      const keys = defOf(def.keyType as z.ZodType).entries as Record<string, string> | undefined;
      return Object.keys(keys ?? {}).map((key) => [...path, key]);
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return fieldPaths(def.innerType as z.ZodType, path, seen);
    case 'pipe':
      return fieldPaths(def.in as z.ZodType, path, seen);
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option) => fieldPaths(option, path, seen));
    default:
      return [];
  }
}

/** An input with `bad` at `path` (objects and arrays made on the way). */
function inputWith(path: PropertyKey[], bad: unknown): unknown {
  if (path.length === 0) return bad;
  const [head, ...rest] = path;
  return typeof head === 'number' ? [inputWith(rest, bad)] : { [head as string]: inputWith(rest, bad) };
}

const methods = Object.keys(contract) as MethodName[];

describe('refused input is named in Japanese', () => {
  it('every field of every contract method has a Japanese name', () => {
    const missing = new Set<string>();
    for (const method of methods) {
      for (const path of fieldPaths(contract[method].input as z.ZodType)) {
        for (const part of path) if (typeof part === 'string' && !FIELD_NAMES[part]) missing.add(`${method}: ${part}`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('a wrong value at every field path gives a message naming the field, without English identifiers', async () => {
    const t = createTestApp();
    try {
      const problems: string[] = [];
      let checked = 0;
      for (const method of methods) {
        for (const path of fieldPaths(contract[method].input as z.ZodType)) {
          for (const bad of [{ wrong: true }, 'x'.repeat(3000), -1]) {
            const message = await t.call(method, inputWith(path, bad) as never).then(
              () => null,
              (e: Error) => e.message,
            );
            if (message === null) continue;
            checked += 1;
            const found = asciiIdentifiers(message);
            if (found.length)
              problems.push(`${method} ${String(path.join('.'))}: ${found.join(', ')} in 「${message}」`);
          }
        }
      }
      expect(problems).toEqual([]);
      expect(checked).toBeGreaterThan(300);
    } finally {
      t.close();
    }
  }, 120_000);

  it('names nested fields and list positions: 検索条件の金額（まで）, 注文（3件目）', async () => {
    expect(describePath(['criteria', 'totalMax'])).toBe('検索条件の金額（まで）');
    expect(describePath(['orderIds', 2])).toBe('注文（3件目）');
    const t = createTestApp();
    try {
      await expect(t.call('orders:list', { criteria: { totalMax: -5 }, offset: 0, limit: 10 })).rejects.toThrow(
        '入力内容に誤りがあります。検索条件の金額（まで）: 0以上にしてください。',
      );
      await expect(t.call('sync:saveSettings', { serverUrl: 5, token: 'x' } as never)).rejects.toThrow(
        /サーバーのアドレス: /,
      );
    } finally {
      t.close();
    }
  });
});

describe('the identifier check itself', () => {
  it('finds what must not reach a clerk, and lets order numbers, addresses and file names through', () => {
    for (const bad of [
      'criteria.totalMax: 0以上',
      'serverUrl: 必須',
      '変更（buyer_rating）',
      'create→new',
      '項目 print',
    ])
      expect(asciiIdentifiers(bad), bad).not.toEqual([]);
    for (const good of [
      '注文 chumon-store-10000001 と 503-1234567-1234567',
      'hanako@example.jp に送信しました',
      '「ピッキングリスト_20261120-103015.pdf」を /tmp/chumon/documents に保存しました',
      'CSV（Shift_JIS）と PDF、SMTP サーバー',
    ])
      expect(asciiIdentifiers(good), good).toEqual([]);
  });
});
