/**
 * The document step: simplified script for the traditional-script mirrors some reports are found
 * on, decided once per document. OpenCC's traditional → mainland conversion, the words such
 * mirrors substitute turned back, and the inline pinyin they add dropped. Every later stage
 * (sections, tables, identity, narrative) reads the normalised text.
 */
import * as OpenCC from 'opencc-js/t2cn';
import type { SourceDocument } from '../document.ts';

const toSimplifiedScript = OpenCC.Converter({ from: 't', to: 'cn' });
/** Characters that exist only in traditional script and are common in these reports. */
const TRADITIONAL_MARKERS = '國開關於務報數機發會條從體這時們區縣鎮業農辦處';
/** The markers by UTF-16 code unit: every cell of every document is scanned for them. */
const IS_MARKER = new Uint8Array(0x10000);
for (const ch of TRADITIONAL_MARKERS) IS_MARKER[ch.charCodeAt(0)] = 1;
/** Pinyin a mirror site inserted after a character: 報(bào)告 → 報告. */
const INLINE_PINYIN = /(\p{Script=Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]+\)/gu;
// No lookbehind, and not run where no '(' is: a lookbehind is tried at every position of a long text.
const withoutPinyin = (text: string) => (text.includes('(') ? text.replace(INLINE_PINYIN, '$1') : text);
/** Mirrors turn 文件 into 檔案: '規範性檔案' was printed 规范性文件. */
const MIRROR_WORDS: [RegExp, string][] = [[/檔案/gu, '文件']];

/**
 * Two traditional-only characters among the cells, counted until the second (pinyin holds none).
 * Rows of cells, not one joined string: a document can hold millions of (empty) cells.
 */
function isTraditional(rows: readonly (readonly string[])[]): boolean {
  let found = 0;
  for (const cells of rows) {
    for (const cell of cells) {
      for (let i = 0; i < cell.length; i++) if (IS_MARKER[cell.charCodeAt(i)] === 1 && ++found >= 2) return true;
    }
  }
  return false;
}

function simplify(text: string, traditional: boolean): string {
  const plain = withoutPinyin(text);
  if (!traditional) return plain;
  return toSimplifiedScript(MIRROR_WORDS.reduce((t, [pattern, word]) => t.replace(pattern, word), plain));
}

/**
 * Simplified script without inline pinyin. Text that is already simplified comes back
 * unchanged, so normalising twice is harmless.
 */
export function normaliseScript(text: string): string {
  return simplify(text, isTraditional([[text]]));
}

/**
 * Every cell of the document in simplified script, converted only if the document as a whole is
 * traditional. Lines with nothing to change are kept as they are: a document can hold millions
 * of cells (a long run of tabs), and copying each costs more than reading it.
 */
export function normaliseDocument(doc: SourceDocument): SourceDocument {
  const traditional = isTraditional(doc.lines.map((line) => line.cells));
  const changes = (cell: string) => cell !== '' && (traditional || cell.includes('('));
  return { ...doc, lines: doc.lines.map((line) => (line.cells.some(changes) ? { ...line, cells: line.cells.map((cell) => (changes(cell) ? simplify(cell, traditional) : cell)) } : line)) };
}
