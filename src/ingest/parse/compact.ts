/**
 * A label-matching view of a text: whitespace removed, NFKC (full-width brackets and digits
 * become ASCII), and pinyin glosses the document step left (in full-width brackets) dropped.
 * Traditional script was already converted, once, by the document step (script.ts). Each
 * character of the view remembers where it came from, so a label found in the view marks an
 * exact span of the original.
 */

const PINYIN_GLOSS = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/g;

export interface CompactView {
  text: string;
  /** Index into the original text of each character of `text`. */
  origin: number[];
}

export function compactView(original: string): CompactView {
  let text = '';
  let origin: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const ch = original[i];
    if (/\s/.test(ch)) continue;
    const mapped = ch.normalize('NFKC');
    for (const m of mapped) {
      text += m;
      origin.push(i);
    }
  }
  ({ text, origin } = dropMatches(text, origin, PINYIN_GLOSS));
  return { text, origin };
}

function dropMatches(text: string, origin: number[], pattern: RegExp): CompactView {
  let out = '';
  const kept: number[] = [];
  let last = 0;
  // Copied index by index: spreading a long slice into push() overflows the call stack.
  const keep = (from: number, to: number) => {
    for (let i = from; i < to; i++) kept.push(origin[i]!);
  };
  for (const m of text.matchAll(pattern)) {
    out += text.slice(last, m.index);
    keep(last, m.index);
    last = m.index + m[0].length;
  }
  out += text.slice(last);
  keep(last, text.length);
  return { text: out, origin: kept };
}

/** The same normalisation for a short label written in code or read from a header. */
export function compactLabel(label: string): string {
  return compactView(label).text;
}
