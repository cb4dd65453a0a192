/** Whitespace rules shared by the readers, for text where CJK and Latin/digits mix. */
import { normalizeWidth } from './text.ts';

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}]) (?=[${CJK}])`, 'gu');
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const LATIN_OR_DIGIT_END = /[\p{Script=Latin}\p{Nd}]$/u;
const LATIN_OR_DIGIT_START = /^[\p{Script=Latin}\p{Nd}]/u;
const HAN = /\p{Script=Han}/u;

/**
 * Full-width digits and letters become ASCII (as in plain text), NBSP and ideographic spaces
 * become spaces, runs collapse, and a space between two CJK characters goes: in Chinese it is
 * only a line wrap or padding ('本年度办 理结果').
 */
export function normalizeSpaces(text: string): string {
  return normalizeWidth(text)
    .replace(INVISIBLE, '')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .trim()
    .replace(SPACE_BETWEEN_CJK, '');
}

/**
 * Joins pieces of one label or value that a page broke apart: nothing between CJK text,
 * one space where Latin letters or digits meet (so '3' and '5' never become '35').
 */
export function joinFragments(pieces: readonly string[]): string {
  let joined = '';
  for (const piece of pieces) {
    if (piece === '') continue;
    const needsSpace = joined !== '' && LATIN_OR_DIGIT_END.test(joined) && LATIN_OR_DIGIT_START.test(piece);
    joined += needsSpace ? ` ${piece}` : piece;
  }
  return joined;
}

/** Number of Han characters: how much Chinese a decoded text holds, counted up to `enough`. */
export function countHan(text: string, enough = Infinity): number {
  let count = 0;
  for (const char of text) if (HAN.test(char) && ++count >= enough) break;
  return count;
}
