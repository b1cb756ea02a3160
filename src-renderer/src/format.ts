const jst = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Stored in UTC, shown in Japan time (DESIGN 7). */
export function formatJst(iso: string): string {
  return jst.format(new Date(iso));
}
