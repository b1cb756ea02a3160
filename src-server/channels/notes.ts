import { sql, type SQL } from 'drizzle-orm';

/**
 * The order's channel note (orders.channel_note, shown at the store in F12) holds one line
 * per open matter, newest first: a refused shipment notice ("出荷通知エラー: …") and the
 * conflicts channel-side changes raised. Each is added and taken away on its own. These
 * expressions read the row as `o`.
 */
export const NOTICE_ERROR = '出荷通知エラー: ';

const LIMIT = 2000;

export function addNote(line: SQL): SQL {
  return sql`left(CASE WHEN o.channel_note = '' THEN ${line} ELSE ${line} || E'\\n' || o.channel_note END, ${LIMIT})`;
}

/** The note without its shipment-notice error line (the notice went through, or is sent again). */
export const withoutNoticeError: SQL = sql`btrim(regexp_replace(o.channel_note, ${`^${NOTICE_ERROR}[^\\n]*(\\n|$)`}, '', 'gn'), E'\\n')`;

/** The note without one line (a conflict head office settled). */
export function withoutLine(line: SQL): SQL {
  return sql`btrim(regexp_replace(replace(o.channel_note, ${line}, ''), E'\\n{2,}', E'\\n', 'g'), E'\\n')`;
}
