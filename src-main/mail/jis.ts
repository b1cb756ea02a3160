import Encoding from 'encoding-japanese';
import type { OutgoingMail } from './outgoing-mail.js';

/**
 * ISO-2022-JP (7-bit JIS) messages for old Japanese mail clients. nodemailer always encodes
 * text parts as UTF-8, so the whole message is built here and handed over as raw bytes.
 */

/** 〓 (geta) is the customary stand-in for a character JIS cannot carry. */
const REPLACEMENT = '〓';
const representable = new Map<string, boolean>();

function canEncode(ch: string): boolean {
  let known = representable.get(ch);
  if (known === undefined) {
    try {
      Encoding.convert(Encoding.stringToCode(ch), { to: 'JIS', from: 'UNICODE', fallback: 'error' });
      known = true;
    } catch {
      known = false;
    }
    representable.set(ch, known);
  }
  return known;
}

/**
 * Makes text fit JIS: half-width katakana become full-width (ISO-2022-JP has no half-width
 * kana), the yen sign becomes the full-width one, and anything else JIS cannot hold (emoji,
 * rare kanji) becomes 〓. Returns the text and the characters that were replaced.
 */
export function fitToJis(text: string): { text: string; replaced: string[] } {
  const replaced = new Set<string>();
  let out = '';
  const prepared = text.replace(/[\uff61-\uff9f]+/g, (kana) => kana.normalize('NFKC')).replace(/\u00a5/g, '\uffe5');
  for (const ch of prepared) {
    if (ch === '\n' || canEncode(ch)) out += ch;
    else {
      replaced.add(ch);
      out += REPLACEMENT;
    }
  }
  return { text: out, replaced: [...replaced] };
}

function toJisBytes(text: string): Buffer {
  return Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'JIS', from: 'UNICODE', type: 'array' }));
}

/** RFC 2047 words, short enough that each stays under 75 characters and ends in ASCII mode. */
function encodeWords(text: string): string {
  const chars = [...text];
  const words: string[] = [];
  for (let i = 0; i < chars.length; i += 12) {
    words.push(`=?ISO-2022-JP?B?${toJisBytes(chars.slice(i, i + 12).join('')).toString('base64')}?=`);
  }
  return words.join('\r\n ');
}

/** A body line split so that no encoded line exceeds SMTP's 998-byte limit. */
function bodyLines(text: string): Buffer[] {
  const lines: Buffer[] = [];
  for (const line of text.split('\n')) {
    const chars = [...line];
    if (chars.length === 0) lines.push(Buffer.alloc(0));
    for (let i = 0; i < chars.length; i += 300) lines.push(toJisBytes(chars.slice(i, i + 300).join('')));
  }
  return lines;
}

function rfc2822Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

/** The complete 7-bit message: headers and body, CRLF line ends. */
export function buildJisMessage(mail: OutgoingMail): Buffer {
  const subject = fitToJis(mail.subject.replace(/[\r\n]+/g, ' ')).text;
  const body = fitToJis(mail.text.replace(/\r\n?/g, '\n')).text;
  const fromName = mail.from.name ? `${encodeWords(fitToJis(mail.from.name).text)} ` : '';
  const headers = [
    `From: ${fromName}<${mail.from.address}>`,
    `To: <${mail.to}>`,
    `Subject: ${encodeWords(subject)}`,
    `Date: ${rfc2822Date(mail.date)}`,
    `Message-ID: ${mail.messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=ISO-2022-JP',
    'Content-Transfer-Encoding: 7bit',
  ];
  const crlf = Buffer.from('\r\n');
  const parts: Buffer[] = [Buffer.from(headers.join('\r\n') + '\r\n\r\n')];
  for (const line of bodyLines(body)) parts.push(line, crlf);
  return Buffer.concat(parts);
}
