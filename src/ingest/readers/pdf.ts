/**
 * PDF → SourceDocument with pdfjs: text items grouped into lines by their baseline and into
 * cells by horizontal gaps, page by page, top to bottom. Page numbers are dropped; labels that
 * wrap inside a table cell stay separate lines (the parser joins labels).
 */
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFJS_ASSETS } from '#pdf-assets';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { SourceDocument, SourceLine } from '../document.ts';
import { UnreadableDocument } from './problem.ts';
import { joinFragments, normalizeSpaces } from './text-join.ts';

/** A report runs to dozens of pages; thousands are a book or a scan batch, and cost minutes. */
const MAX_PAGES = 400;
/** Fewer printable characters than this in the whole file: the pages are images. */
const MIN_TEXT_CHARS = 20;

interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export async function readPdfDocument(bytes: Uint8Array): Promise<SourceDocument> {
  const pdfjs = await loadPdfjs();
  const loading = pdfjs.getDocument({
    // pdfjs takes ownership of (and detaches) the buffer it is given.
    data: bytes.slice(),
    cMapUrl: PDFJS_ASSETS.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: PDFJS_ASSETS.standardFontDataUrl,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let pdf: Awaited<typeof loading.promise>;
  try {
    pdf = await loading.promise;
  } catch (error) {
    await loading.destroy();
    throw new UnreadableDocument(describePdfError(error));
  }
  try {
    if (pdf.numPages > MAX_PAGES) throw new UnreadableDocument(`PDF has ${pdf.numPages} pages; a report has dozens (at most ${MAX_PAGES} read)`);
    const lines: SourceLine[] = [];
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      const runs = content.items.filter(isTextItem).flatMap(toTextRuns);
      const placed = groupLines(mergeVerticalLabels(runs)).map(toCells);
      for (const cells of markEmptyColumns(withoutPageNumbers(placed, pageNumber))) {
        lines.push({ cells: cells.map((cell) => cell.text) });
      }
      page.cleanup();
    }
    const printable = lines.reduce((sum, line) => sum + line.cells.join('').length, 0);
    if (printable < MIN_TEXT_CHARS) {
      throw new UnreadableDocument(
        `PDF has no text layer (${pdf.numPages} page(s) of scanned images?); OCR is not supported`,
      );
    }
    return { format: 'pdf', lines };
  } finally {
    await pdf.destroy();
  }
}

/**
 * pdf.js's legacy build (the one that runs on Node 20) carries core-js, which replaces
 * Array.prototype.push, JSON.parse and JSON.stringify with JavaScript versions for the whole
 * thread: every report parsed after the first PDF ran several times slower in push alone.
 * The natives are put back once pdf.js has loaded; its own added methods stay.
 */
const NATIVE = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };

function restoreNatives(): void {
  const restore = (target: object, key: string, value: unknown) => {
    if ((target as Record<string, unknown>)[key] !== value) Object.defineProperty(target, key, { value, writable: true, enumerable: false, configurable: true });
  };
  restore(Array.prototype, 'push', NATIVE.push);
  restore(JSON, 'parse', NATIVE.parse);
  restore(JSON, 'stringify', NATIVE.stringify);
}

let pdfjsReady: Promise<typeof PdfJs> | null = null;

/** pdf.js, with its worker code run in this thread: no worker file to locate, no network. */
function loadPdfjs(): Promise<typeof PdfJs> {
  pdfjsReady ??= (async () => {
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return pdfjs;
    } finally {
      restoreNatives();
    }
  })();
  return pdfjsReady;
}

function describePdfError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return 'PDF is password-protected';
  return `corrupt PDF (${message})`;
}

function isTextItem(item: object): item is TextItem {
  return 'str' in item && 'transform' in item;
}

/**
 * One text item, split where it holds a run of spaces: some producers write a whole table row
 * as one string ('3001   53   0'), and those runs are the column gaps. Positions of the
 * pieces are estimated from their share of the string.
 */
function toTextRuns(item: TextItem): TextRun[] {
  const [a, b, c, d, x, y] = item.transform as [number, number, number, number, number, number];
  // Rotated runs are watermarks, stamps and margin notes, not report text.
  if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0) return [];
  const text = item.str.replace(/\u00a0/g, ' ').replace(/[\u2e80-\u2fdf]/gu, ideographOfRadical);
  const size = Math.abs(d) || item.height;
  const perChar = item.width / Math.max(1, text.length);
  return [...text.matchAll(/\S+(?: \S+)*/g)].map((piece) => ({
    text: piece[0],
    x: x + piece.index * perChar,
    y,
    width: piece[0].length * perChar,
    size,
  }));
}

/**
 * Chromium's PDFs map some glyphs back to radical code points (⼀ U+2F00 for 一, ⻚ U+2EDA for
 * 页), which look the same to a reader. Kangxi radicals decompose under NFKC; the simplified
 * forms of the supplement block do not, so they are listed.
 */
const SUPPLEMENT_RADICALS: Record<string, string> = {
  '⺟': '母', '⺠': '民', '⻄': '西', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻊': '足', '⻋': '车', '⻐': '钅',
  '⻑': '長', '⻓': '长', '⻔': '门', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻠': '饣',
  '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄', '⻪': '黾', '⻬': '齐',
  '⻮': '齿', '⻰': '龙', '⻳': '龟',
};

function ideographOfRadical(radical: string): string {
  return SUPPLEMENT_RADICALS[radical] ?? radical.normalize('NFKC');
}

const PUNCTUATION = /[、，（）()]/gu;
/** How far apart stacked pieces may be, in glyph heights, by the characters each holds. */
const STACK_STEP: Record<number, number> = { 1: 2.5, 2: 1.6 };

/**
 * A narrow merged cell prints its label one character per line ('三、' '本' '年' '度' …) or
 * two ('社会' '公益' '组织'). Three or more such pieces stacked at one x with even spacing,
 * each standing alone on its line, are one label, placed where its first piece stands instead
 * of sprinkled over the rows beside it. Two-character pieces must sit as close as wrapped
 * lines do: a column of short row labels is further apart. Standing alone matters for PDFs
 * that write every glyph separately: their prose lines align character by character.
 */
function mergeVerticalLabels(runs: TextRun[]): TextRun[] {
  const hanCount = (item: TextRun): number => item.text.replace(PUNCTUATION, '').length;
  const isolated = standsAlone(runs);
  const candidates = runs
    .filter((item) => /^[\p{Script=Han}、，（）()]+$/u.test(item.text) && STACK_STEP[hanCount(item)] !== undefined)
    .filter(isolated)
    .sort((first, second) => first.x - second.x);
  const columns: TextRun[][] = [];
  for (const item of candidates) {
    const column = columns.at(-1);
    if (column && item.x - column[0]!.x <= 0.5) column.push(item);
    else columns.push([item]);
  }
  const merged = new Set<TextRun>();
  const labels: TextRun[] = [];
  for (const column of columns) {
    column.sort((first, second) => second.y - first.y);
    for (let start = 0; start < column.length; ) {
      const stack = [column[start]!];
      let next = start + 1;
      for (; next < column.length; next++) {
        const item = column[next]!;
        const last = stack.at(-1)!;
        const step = last.y - item.y;
        const firstStep = stack.length > 1 ? stack[0]!.y - stack[1]!.y : step;
        const maxStep = Math.min(STACK_STEP[hanCount(item)]!, STACK_STEP[hanCount(last)]!) * item.size;
        const evenlySpaced = step >= 0.9 * item.size && step <= maxStep && Math.abs(step - firstStep) <= 0.1 * item.size;
        if (Math.abs(item.size - last.size) >= 0.1 || !evenlySpaced) break;
        stack.push(item);
      }
      if (stack.length >= 3) {
        stack.forEach((item) => merged.add(item));
        const top = stack[0]!;
        labels.push({ ...top, text: stack.map((item) => item.text).join(''), width: Math.max(...stack.map((item) => item.width)) });
      }
      start = next;
    }
  }
  return [...runs.filter((item) => !merged.has(item)), ...labels];
}

/** A test for runs with no other run beside them on their line closer than half a glyph. */
function standsAlone(runs: TextRun[]): (run: TextRun) => boolean {
  const byLine = new Map<number, TextRun[]>();
  for (const run of runs) {
    const key = Math.round(run.y);
    byLine.set(key, [...(byLine.get(key) ?? []), run]);
  }
  return (run) => {
    const key = Math.round(run.y);
    const nearby = [key - 1, key, key + 1].flatMap((line) => byLine.get(line) ?? []);
    return nearby.every((other) => {
      if (other === run || Math.abs(other.y - run.y) >= 0.5 * run.size) return true;
      const gap = Math.max(other.x - (run.x + run.width), run.x - (other.x + other.width));
      return gap >= 0.5 * run.size;
    });
  };
}

/**
 * Glyph runs whose baselines lie within three quarters of a glyph share a visual line: a table
 * row's label often sits a little higher than its figures, while text lines never come that
 * close. Tightest pairs merge first and a line never spans more than that, so a wrapped label
 * between two rows cannot pull them together.
 */
function groupLines(runs: TextRun[]): TextRun[][] {
  const lines = [...runs]
    .sort((first, second) => second.y - first.y)
    .map((item) => ({ items: [item], top: item.y, bottom: item.y, size: item.size }));
  for (;;) {
    let best = -1;
    let bestSpan = Infinity;
    for (let index = 0; index + 1 < lines.length; index++) {
      const upper = lines[index]!;
      const lower = lines[index + 1]!;
      const span = upper.top - lower.bottom;
      if (span <= 0.75 * Math.min(upper.size, lower.size) && span < bestSpan) {
        best = index;
        bestSpan = span;
      }
    }
    if (best < 0) break;
    const upper = lines[best]!;
    const lower = lines[best + 1]!;
    lines.splice(best, 2, {
      items: [...upper.items, ...lower.items],
      top: upper.top,
      bottom: lower.bottom,
      size: Math.min(upper.size, lower.size),
    });
  }
  return lines.map((line) => line.items);
}

interface PlacedCell {
  text: string;
  left: number;
  right: number;
  /** Glyph height of the line's text. */
  size: number;
}

function toCells(line: TextRun[]): PlacedCell[] {
  const items = [...line].sort((first, second) => first.x - second.x);
  const cells: { pieces: string[]; left: number; right: number; size: number }[] = [];
  for (const item of items) {
    const current = cells.at(-1);
    const gap = current ? item.x - current.right : Infinity;
    // Two figures with a visible space between them are two columns of a narrow table ("21" "0"),
    // unless the second is a group of three digits ("14" "565" is how some producers space 14565).
    const nextFigure = current !== undefined && gap > 0.2 * item.size && /^\d+$/.test(item.text) && !/^\d{3}$/.test(item.text)
      && /^\d[\d,]*$/.test(current.pieces.at(-1)!);
    if (!current || gap > item.size || nextFigure) {
      cells.push({ pieces: [item.text], left: item.x, right: item.x + item.width, size: item.size });
      continue;
    }
    if (gap > 0.2 * item.size) current.pieces.push(item.text);
    else current.pieces[current.pieces.length - 1] += item.text;
    current.right = Math.max(current.right, item.x + item.width);
  }
  return cells
    .map(({ pieces, left, right, size }) => ({ text: joinFragments(pieces.map(normalizeSpaces)), left, right, size }))
    .filter((cell) => cell.text !== '');
}

const DECORATED_PAGE_NUMBER =
  /^(?:[-—–－−~]\s*\d{1,4}\s*[-—–－−~]|第\s*\d{1,4}\s*页(?:\s*[,，、/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

function withoutPageNumbers(lines: PlacedCell[][], pageNumber: number): PlacedCell[][] {
  return lines.filter((cells, index) => {
    if (cells.length !== 1) return cells.length > 0;
    const only = cells[0]!.text;
    if (DECORATED_PAGE_NUMBER.test(only)) return false;
    const atEdge = index === 0 || index === lines.length - 1;
    return !(atEdge && only === String(pageNumber));
  });
}

/** A printed figure or a blank marker: what fills one column of a table row. */
const FIGURE = /^(?:[-+]?\d[\d,]*(?:\.\d+)?(?:万?元)?|[/／\-—–－]+)$/;

/**
 * A PDF prints nothing for an empty table cell, so a row with a blank comes out one figure
 * short and every later figure would shift left. Between two rows of the same table that
 * print all k figures, a row with fewer figures gets '' where its columns are empty, provided
 * each of its figures sits squarely under one column of the full rows.
 */
function markEmptyColumns(lines: PlacedCell[][]): PlacedCell[][] {
  const figures = lines.map((cells) => cells.filter((cell) => FIGURE.test(cell.text)));
  const result = [...lines];
  const widths = new Set(figures.map((row) => row.length).filter((count) => count >= 3));
  for (const width of widths) {
    for (const block of tableBlocks(figures, width)) {
      const columns = columnCentres(block.map((index) => figures[index]!).filter((row) => row.length === width));
      if (!columns) continue;
      for (const index of block) {
        if (figures[index]!.length < width) {
          const peeled = peelFigureOffLabel(result[index]!, columns);
          if (peeled) {
            result[index] = peeled;
            lines[index] = peeled;
            figures[index] = peeled.filter((cell) => FIGURE.test(cell.text));
          }
        }
        const row = figures[index]!;
        if (row.length === 0 || row.length === width) continue;
        const places = row.map((cell) => columnOf(cell, columns));
        if (places.some((place) => place < 0) || new Set(places).size !== places.length) continue;
        const blanks = columns
          .filter((_, column) => !places.includes(column))
          .map((centre) => ({ text: '', left: centre, right: centre, size: 0 }));
        result[index] = [...lines[index]!, ...blanks].sort((first, second) => centre(first) - centre(second));
      }
    }
  }
  return result;
}

/**
 * A narrow table's label can run right up to its first figure ("…只计这一情" "8" with no gap),
 * and the two come out as one cell. When the digits ending a label cell sit squarely under a
 * column no other figure of the row takes, they are that column's figure.
 */
function peelFigureOffLabel(cells: PlacedCell[], columns: number[]): PlacedCell[] | null {
  const at = cells.findIndex((cell) => !FIGURE.test(cell.text) && /\p{Script=Han}[、，,）)]?\d+$/u.test(cell.text));
  if (at < 0) return null;
  const label = cells[at]!;
  const digits = /\d+$/.exec(label.text)![0];
  // Digits are about half a glyph wide (measured on CJK report fonts: 0.5–0.64 of the height).
  const figureLeft = label.right - digits.length * 0.55 * label.size;
  const figure: PlacedCell = { text: digits, left: figureLeft, right: label.right, size: label.size };
  const column = columnOf(figure, columns);
  const taken = cells.filter((cell) => FIGURE.test(cell.text)).map((cell) => columnOf(cell, columns));
  if (column < 0 || taken.includes(column)) return null;
  const rest: PlacedCell = { ...label, text: label.text.slice(0, -digits.length), right: figureLeft };
  return [...cells.slice(0, at), rest, figure, ...cells.slice(at + 1)];
}

/**
 * Line numbers from a full row (k figures) to the last full row after it, as long as no wider
 * row intervenes: the rows of one table, with the short rows between its full ones.
 */
function tableBlocks(figures: PlacedCell[][], width: number): number[][] {
  const blocks: number[][] = [];
  let block: number[] | null = null;
  let sinceLastFull: number[] = [];
  const close = (): void => {
    if (block && block.length > 1) blocks.push(block);
    block = null;
    sinceLastFull = [];
  };
  figures.forEach((row, index) => {
    if (row.length > width) {
      close();
    } else if (row.length === width) {
      block = block ? [...block, ...sinceLastFull, index] : [index];
      sinceLastFull = [];
    } else if (block) {
      sinceLastFull.push(index);
    }
  });
  close();
  return blocks;
}

/** Column centres agreed by every full row, or null when the rows do not line up. */
function columnCentres(fullRows: PlacedCell[][]): number[] | null {
  const width = fullRows[0]!.length;
  const columns = Array.from({ length: width }, (_, column) => median(fullRows.map((row) => centre(row[column]!))));
  const aligned = fullRows.every((row) => row.every((cell, column) => columnOf(cell, columns) === column));
  return aligned ? columns : null;
}

function columnOf(cell: PlacedCell, columns: number[]): number {
  const position = centre(cell);
  let nearest = 0;
  columns.forEach((column, index) => {
    if (Math.abs(column - position) < Math.abs(columns[nearest]! - position)) nearest = index;
  });
  const neighbours = [columns[nearest - 1], columns[nearest + 1]].filter((column) => column !== undefined);
  const spacing = Math.min(...neighbours.map((column) => Math.abs(column - columns[nearest]!)));
  return Math.abs(columns[nearest]! - position) <= 0.4 * spacing ? nearest : -1;
}

function centre(cell: PlacedCell): number {
  return (cell.left + cell.right) / 2;
}

function median(values: number[]): number {
  const sorted = [...values].sort((first, second) => first - second);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
