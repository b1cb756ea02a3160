import { PLACEHOLDERS, type PlaceholderValues } from './mail.js';

const KNOWN = new Set<string>(PLACEHOLDERS.map((p) => p.name));
const TOKEN = /\{\{([^{}]*)\}\}/g;
/** Control characters other than tab and newline never belong in a mail. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

function where(field: 'subject' | 'body', text: string, index: number): string {
  if (field === 'subject') return '件名';
  return `本文 ${text.slice(0, index).split('\n').length} 行目`;
}

/**
 * Problems that make a template unusable, in Japanese, for the save to refuse (SPEC §4):
 * an unknown placeholder, braces that do not close, an empty or multi-line subject.
 */
export function templateProblems(subject: string, body: string): string[] {
  const problems: string[] = [];
  if (!subject.trim()) problems.push('件名を入力してください。');
  if (/[\r\n]/.test(subject)) problems.push('件名は1行で入力してください。');
  if (!body.trim()) problems.push('本文を入力してください。');
  for (const [field, text] of [
    ['subject', subject],
    ['body', body],
  ] as const) {
    for (const match of text.matchAll(TOKEN)) {
      if (!KNOWN.has(match[1]!)) {
        problems.push(
          `${where(field, text, match.index)}の差し込み項目「${match[0]}」は使えません。一覧にある項目だけを使ってください。`,
        );
      }
    }
    // What is left after removing complete tokens must not contain a stray {{ or }}.
    const rest = text.replace(TOKEN, (m) => ' '.repeat(m.length));
    const stray = /\{\{|\}\}/.exec(rest);
    if (stray) {
      problems.push(
        `${where(field, text, stray.index)}の「${stray[0]}」が閉じられていません。差し込み項目は {{購入者名}} のように書いてください。`,
      );
    }
  }
  return problems;
}

/**
 * Fills the placeholders in one pass: a value that itself contains {{...}} is left as typed,
 * never expanded again. Values lose control characters; in the subject a value's line
 * breaks become spaces, so no value can add a header line.
 */
export function renderTemplate(text: string, values: PlaceholderValues, options: { singleLine: boolean }): string {
  return text.replace(TOKEN, (token, name: string) => {
    if (!KNOWN.has(name)) return token;
    const value = values[name as keyof PlaceholderValues].replace(/\r\n?/g, '\n').replace(CONTROL, '');
    return options.singleLine ? value.replace(/\s*\n\s*/g, ' ') : value;
  });
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * The HTML alternative of a rendered plain-text mail: everything escaped (template text and
 * values alike), line breaks and spacing kept (pre-wrap), web addresses made links.
 */
export function textToHtml(text: string): string {
  const escaped = escapeHtml(text).replace(/https?:\/\/[^\s<>"']+/g, (url) => `<a href="${url}">${url}</a>`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><div style="white-space:pre-wrap;font-family:sans-serif">${escaped.replace(/\r\n?/g, '\n')}</div></body></html>`;
}
