/**
 * PDF → SourceDocument with pdfjs: text items grouped into lines by their baseline and into
 * cells by horizontal gaps, page by page, top to bottom. Page numbers are dropped; labels that
 * wrap inside a table cell stay separate lines (the parser joins labels).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { SourceDocument, SourceLine } from '../document.ts';
import { UnreadableDocument } from './problem.ts';
import { joinFragments, normalizeSpaces } from './text-join.ts';

const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** Fewer printable characters than this in the whole file: the pages are images. */
const MIN_TEXT_CHARS = 20;

interface Glyphs {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export async function readPdfDocument(bytes: Uint8Array): Promise<SourceDocument> {
  await useMainThreadWorker();
  const loading = pdfjs.getDocument({
    // pdfjs takes ownership of (and detaches) the buffer it is given.
    data: bytes.slice(),
    cMapUrl: `${PDFJS_DIR}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${PDFJS_DIR}/standard_fonts/`,
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
    const lines: SourceLine[] = [];
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      const glyphs = content.items.filter(isTextItem).map(toGlyphs).filter((item) => item !== null);
      lines.push(...withoutPageNumbers(groupLines(mergeVerticalLabels(glyphs)), pageNumber));
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

let workerReady: Promise<void> | null = null;

/** Runs pdfjs's worker code in this thread: no worker file to locate, no network. */
function useMainThreadWorker(): Promise<void> {
  workerReady ??= import('pdfjs-dist/legacy/build/pdf.worker.mjs').then((worker) => {
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  });
  return workerReady;
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

function toGlyphs(item: TextItem): Glyphs | null {
  const [a, b, c, d, x, y] = item.transform as [number, number, number, number, number, number];
  // Rotated runs are watermarks, stamps and margin notes, not report text.
  if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0) return null;
  const text = item.str.replace(/\u00a0/g, ' ');
  if (text.trim() === '') return null;
  const size = Math.abs(d) || item.height;
  return { text, x, y, width: item.width, size };
}

const STACKABLE = /^[\p{Script=Han}、，（）()]{1,2}$/u;

/**
 * A narrow merged cell prints its label one or two characters per line ('三、' '本' '年' '度'
 * …). Three or more such runs stacked at one x with even spacing are one label; it is placed
 * where its first character stands, instead of sprinkling characters over the rows beside it.
 */
function mergeVerticalLabels(glyphs: Glyphs[]): Glyphs[] {
  const candidates = glyphs
    .filter((item) => STACKABLE.test(item.text))
    .sort((first, second) => first.x - second.x || second.y - first.y);
  const merged = new Set<Glyphs>();
  const labels: Glyphs[] = [];
  for (let start = 0; start < candidates.length; ) {
    const stack = [candidates[start]!];
    let next = start + 1;
    for (; next < candidates.length; next++) {
      const item = candidates[next]!;
      const last = stack.at(-1)!;
      const step = last.y - item.y;
      const firstStep = stack.length > 1 ? stack[0]!.y - stack[1]!.y : step;
      const aligned = Math.abs(item.x - stack[0]!.x) <= 0.5 && Math.abs(item.size - last.size) < 0.1;
      const evenlySpaced = step >= 0.9 * item.size && step <= 2.5 * item.size && Math.abs(step - firstStep) <= 0.1 * item.size;
      if (!aligned || !evenlySpaced) break;
      stack.push(item);
    }
    if (stack.length >= 3) {
      stack.forEach((item) => merged.add(item));
      const top = stack[0]!;
      labels.push({ ...top, text: stack.map((item) => item.text).join(''), width: Math.max(...stack.map((item) => item.width)) });
    }
    start = next;
  }
  return [...glyphs.filter((item) => !merged.has(item)), ...labels];
}

/**
 * Glyph runs whose baselines lie within three quarters of a glyph share a visual line: a table
 * row's label often sits a little higher than its figures, while text lines never come that
 * close. Tightest pairs merge first and a line never spans more than that, so a wrapped label
 * between two rows cannot pull them together.
 */
function groupLines(glyphs: Glyphs[]): Glyphs[][] {
  const lines = [...glyphs]
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

function toCells(line: Glyphs[]): string[] {
  const items = [...line].sort((first, second) => first.x - second.x);
  const cells: string[][] = [];
  let previousEnd = -Infinity;
  for (const item of items) {
    const gap = item.x - previousEnd;
    const current = cells.at(-1);
    if (!current || gap > item.size) {
      cells.push([item.text]);
    } else if (gap > 0.2 * item.size) {
      current.push(item.text);
    } else {
      current[current.length - 1] += item.text;
    }
    previousEnd = Math.max(previousEnd, item.x + item.width);
  }
  return cells.map((pieces) => joinFragments(pieces.map(normalizeSpaces))).filter((cell) => cell !== '');
}

const DECORATED_PAGE_NUMBER =
  /^(?:[-—–－−~]\s*\d{1,4}\s*[-—–－−~]|第\s*\d{1,4}\s*页(?:\s*[,，、/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/;

function withoutPageNumbers(lines: Glyphs[][], pageNumber: number): SourceLine[] {
  const result: SourceLine[] = [];
  lines.forEach((line, index) => {
    const cells = toCells(line);
    if (cells.length === 0) return;
    if (cells.length === 1) {
      const only = cells[0]!;
      if (DECORATED_PAGE_NUMBER.test(only)) return;
      const atEdge = index === 0 || index === lines.length - 1;
      if (atEdge && only === String(pageNumber)) return;
    }
    result.push({ cells });
  });
  return result;
}
