import Encoding from 'encoding-japanese';
import { UserError } from '../api/errors.js';
import { checkFile } from '../text/unsafe-chars.js';

export type TextEncodingName = 'utf-8' | 'shift_jis' | 'utf-16le' | 'utf-16be';

export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  shift_jis: 'Shift_JIS',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
};

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** 1-based line number of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line += 1;
  }
  return line;
}

function tryDecode(bytes: Uint8Array, encoding: TextEncodingName): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** A control character other than tab and line breaks (a regex search: half a loop's time on a large file). */
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/**
 * Control characters other than tab/CR/LF do not occur in a text file; random bytes decode
 * "successfully" as Shift_JIS surprisingly often, so this is how junk is told from text.
 */
function firstControlChar(text: string): number {
  // The usual file: one search finds nothing unsafe at all, controls included, and the
  // file's CSV scan is spared its own (checkFile remembers it).
  return checkFile(text) ? -1 : text.search(CONTROL);
}

/**
 * Decodes a file chosen by the user, detecting its encoding: a BOM decides (UTF-8,
 * UTF-16); otherwise strict UTF-8, then strict Shift_JIS (the WHATWG decoder, which is
 * CP932 with the NEC/IBM extensions, twice as fast as iconv-lite here). encoding-japanese's
 * detector tells EUC-JP apart, which a strict Shift_JIS decode would accept as garbage. Anything else is refused with the line where the
 * text stops making sense, so that nothing half-decoded is ever imported.
 */
export function decodeText(bytes: Uint8Array, fileLabel: string): DecodedText {
  const body =
    bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (body.length === 0)
    throw new UserError(`${fileLabel}は空です。注文データの入ったファイルを選んでください。`, 'empty_file');
  let decoded: DecodedText | null = null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = tryDecode(bytes.subarray(2), 'utf-16le');
    if (text !== null) decoded = { text, encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = tryDecode(bytes.subarray(2), 'utf-16be');
    if (text !== null) decoded = { text, encoding: 'utf-16be' };
  } else if (body !== bytes) {
    const text = tryDecode(body, 'utf-8');
    if (text === null) {
      const loose = new TextDecoder('utf-8').decode(body);
      throw new UserError(
        `${fileLabel}は UTF-8 と書かれていますが、${lineAt(loose, loose.indexOf('\uFFFD'))}行目に UTF-8 として読めない文字があります。ファイルが壊れていないか確認してください。何も取り込んでいません。`,
        'bad_encoding',
      );
    }
    decoded = { text, encoding: 'utf-8' };
  } else {
    const utf8 = tryDecode(body, 'utf-8');
    if (utf8 !== null) decoded = { text: utf8, encoding: 'utf-8' };
    else if (Encoding.detect(body.subarray(0, 65536)) === 'EUCJP') {
      // EUC-JP bytes are mostly valid Shift_JIS too (as half-width kana): refuse, don't garble.
      throw new UserError(
        `${fileLabel}は EUC-JP で保存されています。Shift_JIS または UTF-8 で保存し直してから取り込んでください。何も取り込んでいません。`,
        'bad_encoding',
      );
    } else {
      const sjis = tryDecode(body, 'shift_jis');
      if (sjis !== null) decoded = { text: sjis, encoding: 'shift_jis' };
    }
  }
  if (!decoded) {
    const loose = new TextDecoder('shift_jis').decode(body);
    const at = loose.indexOf('\uFFFD');
    throw new UserError(
      `${fileLabel}の文字コードを判別できません（${lineAt(loose, Math.max(at, 0))}行目に Shift_JIS でも UTF-8 でも読めない文字があります）。CSV を Shift_JIS または UTF-8 で保存し直してください。何も取り込んでいません。`,
      'bad_encoding',
    );
  }
  const control = firstControlChar(decoded.text);
  if (control >= 0) {
    throw new UserError(
      `${fileLabel}は CSV（テキスト）ファイルではないようです（${lineAt(decoded.text, control)}行目に制御文字があります）。注文データの CSV ファイルを選んでください。何も取り込んでいません。`,
      'not_text',
    );
  }
  if (decoded.text.trim() === '')
    throw new UserError(`${fileLabel}は空です。注文データの入ったファイルを選んでください。`, 'empty_file');
  return decoded;
}
