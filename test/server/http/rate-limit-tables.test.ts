import { describe, expect, it } from 'vitest';
import { AuthFailures, DEFAULT_LIMITS, TokenRate } from '../../../src-server/http/rate-limit.js';

const at = (ms: number) => new Date(Date.UTC(2026, 10, 27) + ms);

describe('server rate limits stay bounded without forgetting what matters', () => {
  it('holds at most its capacity of failure counters while 50,000 addresses rotate, and keeps every running block', () => {
    const failures = new AuthFailures();
    for (let i = 0; i < DEFAULT_LIMITS.failures; i++) failures.record('203.0.113.9', '', at(i));
    expect(failures.blockedFor('203.0.113.9', '', at(100))).toBeGreaterThan(0);
    for (let i = 0; i < 50_000; i++) failures.record(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`, '', at(200 + i));
    expect(failures.size.counting).toBeLessThanOrEqual(DEFAULT_LIMITS.capacity);
    expect(failures.blockedFor('203.0.113.9', '', at(50_300))).toBeGreaterThan(0);
    expect(failures.blockedFor('203.0.113.9', '', at(DEFAULT_LIMITS.failureWindowMs + 20))).toBe(0);
  });

  it('makes room by dropping ended counters first, then the oldest live one', () => {
    const failures = new AuthFailures({ ...DEFAULT_LIMITS, capacity: 3, failures: 5, failureWindowMs: 1000 });
    failures.record('a', '', at(0));
    failures.record('b', '', at(10));
    for (let i = 0; i < 4; i++) failures.record('c', '', at(900 + i));
    failures.record('d', '', at(1500));
    // 'a' and 'b' had ended and went; 'c' kept its four failures: the fifth blocks it.
    failures.record('c', '', at(1500));
    expect(failures.blockedFor('c', '', at(1500))).toBeGreaterThan(0);
    // Full of live counters: the oldest ('d') goes, the newest stay.
    for (const key of ['e', 'f', 'g']) failures.record(key, '', at(1600));
    expect(failures.size.counting).toBe(3);
    for (let i = 0; i < 4; i++) failures.record('d', '', at(1700));
    expect(failures.blockedFor('d', '', at(1700))).toBe(0);
  });

  it('forgets a token bucket only once it is full again', () => {
    const rate = new TokenRate({ ...DEFAULT_LIMITS, burst: 3, perSecond: 1 });
    for (let i = 0; i < 3; i++) expect(rate.take('t', at(0))).toBe(true);
    expect(rate.take('t', at(0))).toBe(false);
    expect(rate.waitFor('t', at(0))).toBe(1);
    expect(rate.take('t', at(1000))).toBe(true);
    expect(rate.take('t', at(1000))).toBe(false);
    expect(rate.size).toBe(1);
    expect(rate.waitFor('t', at(10_000))).toBe(0);
    expect(rate.take('t', at(10_000))).toBe(true);
  });
});
