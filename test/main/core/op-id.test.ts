import { describe, expect, it } from 'vitest';
import { newOpId, opIdStem } from '../../../src-main/core/op-id.js';

describe('sync operation ids', () => {
  it('rise in the order they are made and never repeat, even many in one millisecond', () => {
    const ids = Array.from({ length: 20_000 }, () => newOpId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keep rising when the clock goes back', () => {
    const later = opIdStem(Date.now() + 60_000);
    const earlier = opIdStem(Date.now());
    expect(earlier > later).toBe(true);
  });
});
