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

/** Stored in UTC, shown in Japan time (DESIGN 7): 2026/11/27 10:30, or 2026/11/27 without the time. */
export function formatJst(iso: string | Date, withTime = true): string {
  return (withTime ? dateTime : dateOnly).format(typeof iso === 'string' ? new Date(iso) : iso);
}
