/**
 * The document as one string (cells joined by tabs, lines by newlines) with its compact view,
 * and the figures printed between two positions of it.
 */
import type { SourceDocument } from '../document.ts';
import { compactView, type CompactView } from './compact.ts';
import type { PrintedField } from './types.ts';

export interface Stream {
  text: string;
  view: CompactView;
  lineStarts: number[];
  inTable: boolean[];
  /** Each line's cells as printed (joined with a space), for callers wanting plain lines. */
  plainLines: string[];
}

/** Page footers and headers of extracted PDFs: '-3-', '- 3 -', '第 3 页', '第3页 共6页'. */
const PAGE_MARK = /^\s*(?:[-—－]\s*\d{1,3}\s*[-—－]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;

export function buildStream(doc: SourceDocument): Stream {
  const lineStarts: number[] = [];
  const inTable: boolean[] = [];
  const plainLines: string[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const line of doc.lines) {
    const joined = line.cells.join('\t');
    if (!line.inTable && PAGE_MARK.test(joined)) continue;
    lineStarts.push(offset);
    inTable.push(line.inTable === true);
    plainLines.push(line.cells.filter((c) => c !== '').join(' '));
    parts.push(joined);
    offset += joined.length + 1;
  }
  const text = parts.join('\n');
  return { text, view: compactView(text), lineStarts, inTable, plainLines };
}

export function lineAt(stream: Stream, pos: number): number {
  let lo = 0;
  let hi = stream.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (stream.lineStarts[mid] <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Original-text position of a compact-view position (the end of the view maps past the text). */
export function originOf(stream: Stream, viewPos: number): number {
  return viewPos < stream.view.origin.length ? stream.view.origin[viewPos] : stream.text.length;
}

/** Where a line's cells part (its tabs), and the first cell that is not empty. */
interface LineCells {
  tabs: number[];
  firstFilled: number;
}

/**
 * Each line's cells, found once per stream: the row readers ask for the figures of many short
 * stretches, and a line can be a whole report long (text with no line breaks).
 */
const lineCellsOf = new WeakMap<Stream, Map<number, LineCells>>();

function lineEndOf(stream: Stream, line: number): number {
  return line + 1 < stream.lineStarts.length ? stream.lineStarts[line + 1] - 1 : stream.text.length;
}

function lineCells(stream: Stream, line: number): LineCells {
  let byLine = lineCellsOf.get(stream);
  if (!byLine) lineCellsOf.set(stream, (byLine = new Map()));
  let cells = byLine.get(line);
  if (!cells) {
    const start = stream.lineStarts[line];
    const end = lineEndOf(stream, line);
    const tabs: number[] = [];
    for (let at = stream.text.indexOf('\t', start); at !== -1 && at < end; at = stream.text.indexOf('\t', at + 1)) tabs.push(at);
    let firstFilled = -1;
    for (let k = 0, cellStart = start; k <= tabs.length && firstFilled < 0; k++) {
      const cellEnd = k < tabs.length ? tabs[k] : end;
      if (stream.text.slice(cellStart, cellEnd).trim() !== '') firstFilled = k;
      cellStart = cellEnd + 1;
    }
    cells = { tabs, firstFilled };
    byLine.set(line, cells);
  }
  return cells;
}

/** A line of several cells: a table row, or tab-, pipe- or space-aligned text. */
export function isStructured(stream: Stream, line: number): boolean {
  return stream.inTable[line] || lineCells(stream, line).tabs.length > 0;
}

/** The first k with tabs[k] >= pos (tabs.length when none). */
function firstTabFrom(tabs: readonly number[], pos: number): number {
  let lo = 0;
  let hi = tabs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tabs[mid] < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const BLANK_MARK = /^[/／\\\-—－–~～]$|^—+$|^-+$/;

/**
 * A figure: signed, thousands separators, decimals, a money unit. A number followed by a
 * measure word ('2件', '2022年') is prose — a sentence under the heading — not a table cell.
 */
const FIGURE = /[+\-−]?\d[\d,]*(?:\.\d+)?(?:\s*万?元)?(?![\d.,件份条个次人家项年月日号期篇名户场万亿%])/g;
/** Label numbering glued to figures: '00000002.其他…' (2.), '(1)'; never a decimal point. */
const NUMBERING = /[(（]\s*\d{1,2}\s*[)）]|\d\s*[.、．](?!\s*\d)/g;

const BRACKETED = /[(（][^()（）]*[)）]/g;
const BRACKET_OPEN = /[(（]/;

/**
 * In run-together text a blank mark sits among the figures ('规章00/', '64/380'): a slash or
 * dash not between two Chinese characters ('本年增/减' is a header), a hyphen not before a digit.
 */
const TOKEN = new RegExp(`(${FIGURE.source})|(?<![\\u4e00-\\u9fff])[/／—–]|[/／—–](?![\\u4e00-\\u9fff])|-(?!\\d)`, 'g');

export interface FieldsOptions {
  /** Cells of this line that precede `to` belong to the next row's label area. */
  dropLineOfEnd?: boolean;
  /** Stop once this many fields are found (whether there are any is all some callers ask). */
  atMost?: number;
}

/**
 * The printed figures in text[from, to), in reading order, each tagged with its line. In a line
 * of several cells (a table row, tab- or pipe-separated text), a cell printed empty or as '/',
 * '-', '—' is a blank; empty cells that only indent a text line are not. In running text only
 * an explicit mark is a blank.
 */
export function fieldsBetween(stream: Stream, from: number, to: number, options: FieldsOptions = {}): (PrintedField & { line: number })[] {
  const out: (PrintedField & { line: number })[] = [];
  if (to <= from) return out;
  const atMost = options.atMost ?? Infinity;
  const firstLine = lineAt(stream, from);
  const lastLine = lineAt(stream, Math.max(from, to - 1));
  for (let line = firstLine; line <= lastLine; line++) {
    const lineStart = stream.lineStarts[line];
    const lineEnd = lineEndOf(stream, line);
    const { tabs, firstFilled } = lineCells(stream, line);
    const structured = isStructured(stream, line);
    if (structured && options.dropLineOfEnd && line === lineAt(stream, to) && line !== firstLine && to <= lineEnd) continue;
    const indent = stream.inTable[line] ? 0 : Math.max(0, firstFilled);
    // only the cells that reach into [from, to): the first whose end is at or past `from`
    for (let index = firstTabFrom(tabs, from); index <= tabs.length; index++) {
      const cellStart = index === 0 ? lineStart : tabs[index - 1] + 1;
      if (cellStart > to) break;
      const cellEnd = index < tabs.length ? tabs[index] : lineEnd;
      const a = Math.max(cellStart, from);
      const b = Math.min(cellEnd, to);
      const whole = cellStart >= from && cellEnd <= to;
      if (b < a || (b === a && !whole)) continue;
      // Bracketed notes in local templates carry examples ('如 -8'), never a cell's figure.
      const cell = stream.text.slice(a, b);
      const piece = (BRACKET_OPEN.test(cell) ? cell.replace(BRACKETED, ' ') : cell).trim();
      if (whole && structured && (piece === '' ? index >= indent : BLANK_MARK.test(piece))) {
        out.push({ kind: 'blank', raw: piece, line });
        if (out.length >= atMost) return out;
        continue;
      }
      for (const chunk of piece.split(/\s+/)) {
        if (chunk === '') continue;
        if (/^万?元$/.test(chunk) && out.length > 0 && out[out.length - 1].kind === 'value') {
          (out[out.length - 1] as { text: string }).text += ' ' + chunk;
          continue;
        }
        // exec on the one pattern: matchAll copies the pattern on every call
        const tokens = chunk.replace(NUMBERING, ' ');
        TOKEN.lastIndex = 0;
        for (let m = TOKEN.exec(tokens); m; m = TOKEN.exec(tokens)) {
          out.push(m[1] !== undefined ? { kind: 'value', text: m[1].replace('−', '-'), line } : { kind: 'blank', raw: m[0], line });
          if (out.length >= atMost) return out;
        }
      }
    }
  }
  return out;
}
