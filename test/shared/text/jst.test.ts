import { expect, it } from 'vitest';
import { formatJst } from '../../../src-shared/text/jst.js';

it('shows a UTC time in Japan time, with or without the time of day, across the date line', () => {
  expect(formatJst('2026-11-27T01:30:00.000Z')).toBe('2026/11/27 10:30');
  expect(formatJst('2026-11-27T16:05:00.000Z')).toBe('2026/11/28 01:05');
  expect(formatJst(new Date('2026-11-27T16:05:00.000Z'), false)).toBe('2026/11/28');
});
