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
