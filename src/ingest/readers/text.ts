/**
 * Plain text (typed, or extracted from a PDF by pdftotext with or without -layout, or a
 * crawler's page.txt) → SourceDocument. Bytes are decoded elsewhere; this sees a JS string.
 */
import type { SourceDocument, SourceLine } from '../document.ts';

/**
 * Full-width ASCII (digits, letters, `.` `-` `+` `/` `%`) and the ideographic space become
 * their ASCII forms. Chinese punctuation (（）、，。：) is left alone: labels such as （一）
 * depend on it and the parser unifies both forms itself.
 */
export function normalizeWidth(text: string): string {
  return text.replace(/[\uFF0B\uFF0D\uFF0E\uFF0F\uFF05\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Tabs, `|` pipes (flattened HTML tables) and runs of 2+ spaces (pdftotext -layout) separate cells. */
const CELL_SEPARATOR = /\t|\||[ \u00a0]{2,}/;

export function splitCells(line: string): string[] {
  const cells = line.split(CELL_SEPARATOR).map((c) => c.trim());
  // Leading and trailing empty fields are layout padding, except in tab-separated text, where
  // a leading empty field holds a column's place (an empty table cell of the source).
  const isTabbed = line.includes('\t');
  let end = cells.length;
  while (end > 0 && cells[end - 1] === '') end--;
  let start = 0;
  if (!isTabbed) while (start < end && cells[start] === '') start++;
  return cells.slice(start, end);
}

export function readTextDocument(text: string): SourceDocument {
  const normalized = normalizeWidth(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  const lines: SourceLine[] = [];
  for (const raw of normalized.split('\n')) {
    const cells = splitCells(raw);
    if (cells.length === 0) continue;
    // A pipe-rendered table row ('规章 | 0 | | 5 |'): its empty fields are cells printed empty.
    if (raw.includes('|') && cells.length >= 2) lines.push({ cells, inTable: true });
    else lines.push({ cells });
  }
  return { format: 'text', lines };
}
