import { expect, it } from 'vitest';
import { DAY_MS, formatJst, jstClock, jstDayStart, jstToday } from '../../../src-shared/text/jst.js';

it('shows a UTC time in Japan time, with or without the time of day, across the date line', () => {
  expect(formatJst('2026-11-27T01:30:00.000Z')).toBe('2026/11/27 10:30');
  expect(formatJst('2026-11-27T16:05:00.000Z')).toBe('2026/11/28 01:05');
  expect(formatJst(new Date('2026-11-27T16:05:00.000Z'), false)).toBe('2026/11/28');
});

it("today in Japan turns at 15:00 UTC, and a Japan day begins at the previous day's 15:00 UTC", () => {
  expect(jstToday(new Date('2026-12-31T14:59:59.999Z'))).toBe('2026-12-31');
  expect(jstToday(new Date('2026-12-31T15:00:00.000Z'))).toBe('2027-01-01');
  expect(jstDayStart('2027-01-01')).toBe('2026-12-31T15:00:00.000Z');
  expect(jstDayStart('2026-02-28', 1)).toBe('2026-02-28T15:00:00.000Z');
  expect(Date.parse(jstDayStart('2026-11-27', 1)) - Date.parse(jstDayStart('2026-11-27'))).toBe(DAY_MS);
  expect(jstClock('2026-11-27T16:05:09.000Z').slice(0, 19)).toBe('2026-11-28T01:05:09');
});
