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

/**
 * What each UTF-16 code unit becomes in the view: '' for whitespace, else its NFKC form and how
 * many code points that form has (each gets one origin entry). Filled as characters are met:
 * normalising a character at a time was most of the view's cost.
 */
const viewOfUnit: (string | undefined)[] = [];
const codePointsOfUnit: number[] = [];

function unitView(code: number): string {
  let mapped = viewOfUnit[code];
  if (mapped === undefined) {
    const ch = String.fromCharCode(code);
    mapped = /\s/.test(ch) ? '' : ch.normalize('NFKC');
    viewOfUnit[code] = mapped;
    codePointsOfUnit[code] = [...mapped].length;
  }
  return mapped;
}

export function compactView(original: string): CompactView {
  let text = '';
  let origin: number[] = [];
  // Characters the view keeps as they are are copied a run at a time.
  let run = 0;
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    const mapped = unitView(code);
    if (mapped.length === 1 && mapped.charCodeAt(0) === code) {
      origin.push(i);
      continue;
    }
    text += original.slice(run, i);
    run = i + 1;
    if (mapped === '') continue;
    text += mapped;
    for (let k = codePointsOfUnit[code]; k > 0; k--) origin.push(i);
  }
  text += original.slice(run);
  if (text.includes('(')) ({ text, origin } = dropMatches(text, origin, PINYIN_GLOSS));
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
