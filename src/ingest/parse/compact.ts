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
 * What each UTF-16 code unit becomes in the view, found once per process (normalising a
 * character at a time was most of the view's cost): KEPT as it is, DROPPED (whitespace), or
 * REPLACED by its NFKC form, which gets one origin entry per code point.
 */
const KEPT = 1;
const DROPPED = 2;
const REPLACED = 3;
const unitKind = new Uint8Array(0x10000);
const replacement = new Map<number, { text: string; codePoints: number }>();

function kindOf(code: number): number {
  let kind = unitKind[code];
  if (kind === 0) {
    const ch = String.fromCharCode(code);
    const mapped = ch.normalize('NFKC');
    if (/\s/.test(ch)) kind = DROPPED;
    else if (mapped === ch) kind = KEPT;
    else {
      kind = REPLACED;
      replacement.set(code, { text: mapped, codePoints: [...mapped].length });
    }
    unitKind[code] = kind;
  }
  return kind;
}

export function compactView(original: string): CompactView {
  let text = '';
  let origin: number[] = [];
  // Runs of kept characters are copied whole.
  let run = 0;
  for (let i = 0; i < original.length; i++) {
    const code = original.charCodeAt(i);
    const kind = kindOf(code);
    if (kind === KEPT) {
      origin.push(i);
      continue;
    }
    text += original.slice(run, i);
    run = i + 1;
    if (kind === DROPPED) continue;
    const { text: mapped, codePoints } = replacement.get(code)!;
    text += mapped;
    for (let k = 0; k < codePoints; k++) origin.push(i);
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
