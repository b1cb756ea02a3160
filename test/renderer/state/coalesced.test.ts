import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesced } from '../../../src-renderer/src/state/coalesced.js';

describe('a reload answering events that arrive together', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once for the events of one moment, again for a later one, never after cancel', () => {
    let runs = 0;
    const reload = coalesced(() => runs++, 50);
    reload.trigger();
    reload.trigger();
    expect(runs).toBe(0);
    vi.advanceTimersByTime(50);
    expect(runs).toBe(1);
    reload.trigger();
    vi.advanceTimersByTime(50);
    expect(runs).toBe(2);
    reload.trigger();
    reload.cancel();
    vi.advanceTimersByTime(100);
    expect(runs).toBe(2);
  });
});
