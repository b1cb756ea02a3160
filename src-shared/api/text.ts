import { z } from 'zod';
import { findUnsafeChar, unsafeCharMessage } from '../text/unsafe-chars.js';

function unsafeCharsCheck(multiLine: boolean) {
  return z.check<string>((payload) => {
    const found = findUnsafeChar(payload.value, multiLine);
    if (found) payload.issues.push({ code: 'custom', message: unsafeCharMessage(found), input: payload.value });
  });
}

/** The checks every text of the contract and the sync wire carries (a test walks the schemas for them). */
export const LINE_CHECK = unsafeCharsCheck(false);
export const TEXT_CHECK = unsafeCharsCheck(true);

/**
 * Text on one line (names, codes, numbers, addresses): no control character, tab or line
 * break, no lone surrogate, no bidi override. Chain .trim()/.min()/.max() as on z.string().
 */
export function lineText() {
  return z.string().check(LINE_CHECK);
}

/** Text that may run over several lines (comments, mail bodies): tab, LF and CR allowed. */
export function multiLineText() {
  return z.string().check(TEXT_CHECK);
}
