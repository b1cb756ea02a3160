const dateTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** What a screen, a document or a file shows in place of a value that cannot be read. */
export const UNSHOWABLE = '表示できない値';

/**
 * Stored in UTC, shown in Japan time (DESIGN 7): 2026/11/27 10:30, or 2026/11/27 without the
 * time. A value that is no date (a corrupted copy, an old server's) shows as UNSHOWABLE.
 */
export function formatJst(iso: string | Date, withTime = true): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return UNSHOWABLE;
  return (withTime ? dateTime : dateOnly).format(date);
}

export const DAY_MS = 86_400_000;

/** Japan has one offset all year (no summer time): UTC+9. */
const JST_OFFSET_MS = 9 * 3_600_000;

/**
 * The instant's wall-clock time in Japan, ISO-shaped ("2026-11-27T10:30:15.000Z"; the Z is
 * not Japan's, so slice the parts you need rather than parse it back).
 */
export function jstClock(at: Date | string): string {
  return new Date(new Date(at).getTime() + JST_OFFSET_MS).toISOString();
}

/** The calendar day in Japan, YYYY-MM-DD: today's by default. */
export function jstToday(now: Date = new Date()): string {
  return jstClock(now).slice(0, 10);
}

/** Where a Japan calendar day (YYYY-MM-DD, plus `addDays`) begins, as the stored UTC instant. */
export function jstDayStart(ymd: string, addDays = 0): string {
  return new Date(Date.parse(`${ymd}T00:00:00+09:00`) + addDays * DAY_MS).toISOString();
}
