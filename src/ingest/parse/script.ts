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
const TRADITIONAL_MARKERS = /[國開關於務報數機發會條從體這時們區縣鎮業農辦處]/gu;
/** Pinyin a mirror site inserted after a character: 報(bào)告 → 報告. */
const INLINE_PINYIN = /(?<=\p{Script=Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]+\)/gu;
/** Mirrors turn 文件 into 檔案: '規範性檔案' was printed 规范性文件. */
const MIRROR_WORDS: [RegExp, string][] = [[/檔案/gu, '文件']];

const isTraditional = (text: string) => (text.match(TRADITIONAL_MARKERS)?.length ?? 0) >= 2;

function simplify(text: string, traditional: boolean): string {
  const withoutPinyin = text.replace(INLINE_PINYIN, '');
  if (!traditional) return withoutPinyin;
  return toSimplifiedScript(MIRROR_WORDS.reduce((t, [pattern, word]) => t.replace(pattern, word), withoutPinyin));
}

/**
 * Simplified script without inline pinyin. Text that is already simplified comes back
 * unchanged, so normalising twice is harmless.
 */
export function normaliseScript(text: string): string {
  return simplify(text, isTraditional(text.replace(INLINE_PINYIN, '')));
}

/** Every cell of the document in simplified script, converted only if the document as a whole is traditional. */
export function normaliseDocument(doc: SourceDocument): SourceDocument {
  const traditional = isTraditional(doc.lines.map((line) => line.cells.join('\t').replace(INLINE_PINYIN, '')).join('\n'));
  return { ...doc, lines: doc.lines.map((line) => ({ ...line, cells: line.cells.map((cell) => simplify(cell, traditional)) })) };
}
