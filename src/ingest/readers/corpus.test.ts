/**
 * The readers on the real reports in ../shared/corpus (third-party files, never copied into the
 * repository): every file reads, and the table rows come out with the figures of the truth files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tableDef, templateById, type TemplateId } from '../../model/templates/index.ts';
import type { SourceDocument } from '../document.ts';
import { readSource } from './index.ts';

const CORPUS = path.resolve(import.meta.dirname, '../../..', '../shared/corpus');
const present = existsSync(CORPUS);
if (!present) console.info(`readers corpus tests skipped: ${CORPUS} not found`);

interface Truth {
  template: TemplateId;
  cells: Record<string, number>;
}

const reportFiles = present ? readdirSync(CORPUS).filter((name) => /\.(txt|html|pdf|docx)$/.test(name)).sort() : [];
const truthFor = (file: string): Truth => {
  const stem = file.replace(/(_layout|_html-fragment)?\.\w+$/, '');
  return JSON.parse(readFileSync(path.join(CORPUS, 'truth', `${stem}.json`), 'utf8')) as Truth;
};

const NUMBER = /^[-+]?\d+(?:\.\d+)?$/;

/** The figures at the end of a line: a table row's values after its label cells. */
function trailingFigures(cells: string[]): number[] {
  let start = cells.length;
  while (start > 0 && NUMBER.test(cells[start - 1]!)) start--;
  return cells.slice(start).map(Number);
}

/** Truth values of the table-3 rows the report prints, in template order. */
function t3Rows(truth: Truth): number[][] {
  const combined = 't3.other_handling.total' in truth.cells;
  return tableDef(templateById(truth.template), 't3', combined ? 'combined' : 'split').rows
    .filter((row) => `t3.${row.key}.total` in truth.cells)
    .map((row) => row.cols.map((col) => truth.cells[`t3.${row.key}.${col}`]!));
}

function t4Figures(truth: Truth): number[] {
  return tableDef(templateById(truth.template), 't4').rows.flatMap((row) => row.cols.map((col) => truth.cells[`t4.${row.key}.${col}`]!));
}

const reads = new Map<string, ReturnType<typeof readSource>>();
/** Each file is read once however many tests look at it (a PDF takes a second or two). */
function read(file: string): ReturnType<typeof readSource> {
  if (!reads.has(file)) reads.set(file, readSource(path.join(CORPUS, file)));
  return reads.get(file)!;
}

function rowsWithFigures(doc: SourceDocument, count: number): number[][] {
  return doc.lines.map((line) => trailingFigures(line.cells)).filter((figures) => figures.length === count);
}

describe.skipIf(!present)('readers on the corpus', () => {
  it.each(reportFiles)('%s reads without error', async (file) => {
    const { doc, format } = await read(file);
    const expected = file.endsWith('.html') ? 'html' : file.endsWith('.pdf') ? 'pdf' : 'text';
    expect(format).toBe(expected);
    expect(doc.format).toBe(expected);
    expect(doc.lines.length).toBeGreaterThan(0);
  });

  const tableFiles = reportFiles.filter((file) => /\.(html|pdf)$/.test(file));

  it.each(tableFiles)('%s: table-3 rows carry the seven figures of the truth file, in order', async (file) => {
    const { doc } = await read(file);
    const expected = t3Rows(truthFor(file));
    const found = rowsWithFigures(doc, 7);
    if (file.includes('fragment')) {
      // The fragment stops inside table 3: what it holds is the start of the table.
      expect(found.length).toBeGreaterThanOrEqual(8);
      expect(found).toEqual(expected.slice(0, found.length));
    } else {
      expect(found).toEqual(expected);
    }
    const granted = doc.lines.find((line) => line.cells.some((cell) => cell.endsWith('予以公开')));
    expect(trailingFigures(granted!.cells)).toHaveLength(7);
  });

  it.each(tableFiles.filter((file) => !file.includes('fragment')))(
    '%s: one line holds the fifteen table-4 figures',
    async (file) => {
      const { doc } = await read(file);
      expect(rowsWithFigures(doc, 15)).toEqual([t4Figures(truthFor(file))]);
    },
  );

  it.each(tableFiles)('%s: table-2 rows read label first, then their figures', async (file) => {
    const { doc } = await read(file);
    const truth = truthFor(file);
    for (const row of tableDef(templateById(truth.template), 't2').rows) {
      const expected = row.cols.map((col) => truth.cells[`t2.${row.key}.${col}`]);
      if (expected.some((value) => value === undefined)) continue;
      const line = doc.lines.find((candidate) => candidate.cells[0] === row.zh);
      expect(line, `${row.zh} row`).toBeDefined();
      expect(line!.cells.slice(1).map(toWan), row.zh).toEqual(expected);
    }
  });
});

/** Table-2 money is printed in 元 or 万元 and stored in 万元 in the truth files. */
function toWan(cell: string): number {
  const yuan = /^([\d.]+)元$/.exec(cell);
  return yuan ? Number(yuan[1]) / 10000 : Number(cell.replace(/万元$/, ''));
}
