/**
 * The PDF path on a producer other than Word: report pages of ../shared/corpus printed by
 * Chromium, in two page setups, read back to their truth with no wrong figure.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReport } from '../../src/ingest/read-report.ts';
import { scoreCells, type CellTruth } from '../../src/testing/cell-score.ts';
import { PAGE_SETUPS, startPrinter, type PageSetup, type Printer } from '../../src/testing/print-pdf.ts';
import { REPO_ROOT } from './paths.ts';

const corpus = path.resolve(REPO_ROOT, '../shared/corpus');
const REPORTS = ['2021_pingtan-zone', '2022_pingtan-zone'].filter((stem) => existsSync(path.join(corpus, `${stem}.html`)));
if (REPORTS.length === 0) console.warn(`printed-PDF tests skipped: ${corpus} not found`);

let printer: Printer;
let work: string;
beforeAll(async () => {
  if (REPORTS.length === 0) return;
  printer = await startPrinter();
  work = mkdtempSync(path.join(tmpdir(), 'gongkai-printed-test-'));
});
afterAll(async () => {
  await printer?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(REPORTS.length === 0)('a report page printed to PDF by Chromium', () => {
  for (const stem of REPORTS) {
    for (const setup of Object.keys(PAGE_SETUPS) as PageSetup[]) {
      it(`${stem} (${setup}) reads to its truth, every figure right or declined`, async () => {
        const truth = JSON.parse(readFileSync(path.join(corpus, 'truth', `${stem}.json`), 'utf8')) as CellTruth;
        const pdf = path.join(work, `${stem}.${setup}.pdf`);
        writeFileSync(pdf, await printer.print(path.join(corpus, `${stem}.html`), setup));
        const result = await readReport({ path: pdf, name: path.basename(pdf) });
        if (!('report' in result)) throw new Error(result.problem);
        const score = scoreCells(result.report, truth);
        expect(score.wrong).toEqual([]);
        expect(score.matched).toBeGreaterThanOrEqual(0.95 * score.total);
        expect([result.report.agency.name, result.report.year]).toEqual([truth.agency, truth.year]);
      }, 120_000);
    }
  }
});
