/**
 * Characters no order, master or setting may hold: C0 controls (tab and line breaks only
 * where a field is multi-line), DEL and the C1 controls, lone UTF-16 surrogates (PostgreSQL
 * refuses them, and NUL, in text and jsonb), and the bidirectional embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069) that make text read backwards in a grid, a
 * mail or a file name. Pure string functions: no Node, no DOM.
 */

interface UnsafeChar {
  /** UTF-16 index of the character. */
  index: number;
  /** e.g. "U+0000". */
  code: string;
  /** What it is, in Japanese, for the clerk's message. */
  kind: 'control' | 'surrogate' | 'bidi';
}

const LINE_BREAKS = new Set([0x09, 0x0a, 0x0d]);

function codeOf(unit: number): string {
  return `U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Anything outside these needs a closer look (one regex test for the usual text; on a 25
 * million-character order file about 30 ms, where the loop below takes 200 ms).
 */
const SAFE_RANGES = '\\x20-\\x7e\\u00a0-\\u2029\\u202f-\\u2065\\u206a-\\ud7ff\\ue000-\\uffff';
const PLAIN = new RegExp(`^[${SAFE_RANGES}]*$`);
/** The same, with tab and line breaks (multi-line text, a whole file). */
const PLAIN_LINES = new RegExp(`^[\\t\\n\\r${SAFE_RANGES}]*$`);

/** The first unsafe character of `text`, or null. `multiLine` lets tab, LF and CR through. */
export function findUnsafeChar(text: string, multiLine: boolean): UnsafeChar | null {
  if ((multiLine ? PLAIN_LINES : PLAIN).test(text)) return null;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) {
      if (multiLine && LINE_BREAKS.has(unit)) continue;
      return { index: i, code: codeOf(unit), kind: 'control' };
    }
    if ((unit >= 0x202a && unit <= 0x202e) || (unit >= 0x2066 && unit <= 0x2069))
      return { index: i, code: codeOf(unit), kind: 'bidi' };
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 1;
        continue;
      }
      return { index: i, code: codeOf(unit), kind: 'surrogate' };
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return { index: i, code: codeOf(unit), kind: 'surrogate' };
  }
  return null;
}

/**
 * The last whole files found free of unsafe characters by their decoder (checkFile), until
 * their scanner asks (takeCheckedFile): a 46 MB order file is then searched once, not twice.
 * A few at most (a Yahoo! order file and its item file come together).
 */
const checkedFiles: string[] = [];
const CHECKED_FILES_KEPT = 4;

/**
 * Whether a whole file's text holds no unsafe character (tab and line breaks allowed), as
 * findUnsafeChar(text, true) === null; a file found so is remembered for takeCheckedFile.
 */
export function checkFile(text: string): boolean {
  if (findUnsafeChar(text, true) !== null) return false;
  checkedFiles.push(text);
  if (checkedFiles.length > CHECKED_FILES_KEPT) checkedFiles.shift();
  return true;
}

/**
 * Whether `text` is a file checkFile found safe (then forgotten: its scanner asks once). Equal
 * text is the same answer, so a copy counts too.
 */
export function takeCheckedFile(text: string): boolean {
  const at = checkedFiles.indexOf(text);
  if (at < 0) return false;
  checkedFiles.splice(at, 1);
  return true;
}

/** The clerk's message for an unsafe character (the field's name is added by the caller). */
export function unsafeCharMessage(found: UnsafeChar): string {
  switch (found.kind) {
    case 'control':
      return found.code === 'U+0009' || found.code === 'U+000A' || found.code === 'U+000D'
        ? `タブや改行は入力できません（${found.code}）。1行で入力してください。`
        : `表示できない制御文字（${found.code}）が含まれています。取り除いてから入力してください。`;
    case 'surrogate':
      return `壊れた文字（${found.code}）が含まれています。文字化けしていないか確認してください。`;
    case 'bidi':
      return `文字の向きを変える制御文字（${found.code}）は使用できません。取り除いてから入力してください。`;
  }
}

/** Text with each unsafe character shown as a visible mark (e.g. 〔U+202E〕), for display of stored text. */
export function markUnsafeChars(text: string, multiLine = true): string {
  if (PLAIN.test(text)) return text;
  let out = '';
  let from = 0;
  for (let found = findUnsafeChar(text, multiLine); found;) {
    out += `${text.slice(from, found.index)}〔${found.code}〕`;
    from = found.index + 1;
    const rest = findUnsafeChar(text.slice(from), multiLine);
    found = rest ? { ...rest, index: rest.index + from } : null;
  }
  return out + text.slice(from);
}
