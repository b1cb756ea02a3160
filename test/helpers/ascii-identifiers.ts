/**
 * Internal English identifiers that must never reach a clerk: snake_case and camelCase
 * names (buyer_rating, totalMax), dotted zod paths (criteria.totalMax:), a field name opening a
 * message ("operator: …", "serverUrl: …"), transitions written as ids (create→new) and bare
 * lowercase English words (print, bundle).
 * Order numbers, e-mail addresses, URLs, file names and words like PDF, CSV, SMTP or
 * Shift_JIS are what clerks read every day and are not identifiers.
 */
const PATTERNS: { name: string; re: RegExp }[] = [
  { name: 'snake_case', re: /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/ },
  { name: 'camelCase', re: /\b[a-z]+[A-Z][a-zA-Z0-9]*\b/ },
  { name: 'dotted path', re: /\b[a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+)+\s*[:：]/ },
  { name: 'field name opening a message', re: /(?:^|[\s「（(])[a-z][a-zA-Z0-9]*\s*[:：]/ },
  { name: 'transition ids', re: /\b[a-z_]+\s*(?:→|->)\s*[a-z_]+\b/ },
  // A bare lowercase English word (print, bundle, store) is a code's name for something.
  { name: 'English word', re: /(?<![A-Za-z0-9])[a-z]{3,}(?![A-Za-z0-9])/ },
];

/**
 * Tokens clerks do read: e-mail addresses, URLs, file names and folders, order and tracking
 * numbers, and a mail server's own reply quoted as such (for whoever looks after the server).
 */
const ALLOWED = [
  /サーバーの応答: [^）]*/g,
  /\S+@\S+/g,
  /\b[a-z][a-z0-9+.-]*:\/\/\S*/gi,
  /[^\s「」（）()、。]+\.(?:csv|pdf|txt|tsv|sqlite|json)\b/gi,
  /(?:[A-Za-z]:)?[\\/][^\s「」（）()、。]*/g,
  /\b[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b/g,
];

/** The identifiers found in a text shown to a clerk (empty when there are none). */
export function asciiIdentifiers(text: string): string[] {
  let plain = text;
  for (const allowed of ALLOWED) plain = plain.replace(allowed, ' ');
  const found: string[] = [];
  for (const { name, re } of PATTERNS) {
    const match = re.exec(plain);
    if (match) found.push(`${name}: ${match[0].trim()}`);
  }
  return found;
}
