/**
 * `npm run score:printed-pdfs`: every HTML report of ../shared/corpus that has a truth file is
 * printed to PDF by Chromium (A4 portrait, and Letter landscape), and the HTML and both PDFs are
 * read and scored cell by cell against the truth: matched, wrong (a figure that differs from the
 * printed one) and declined (no figure given). Wrong must stay 0; declined is the price of it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReport } from '../src/ingest/read-report.ts';
import { scoreCells, type CellTruth } from '../src/testing/cell-score.ts';
import { PAGE_SETUPS, startPrinter, type PageSetup } from '../src/testing/print-pdf.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(repoRoot, '../shared/corpus');
const truthFiles = readdirSync(path.join(corpus, 'truth'));
const htmlFiles = readdirSync(corpus).filter((f) => f.endsWith('.html') && truthFiles.includes(f.replace(/\.html$/, '.json')));
const work = mkdtempSync(path.join(tmpdir(), 'gongkai-printed-'));
const printer = await startPrinter();

const rows: string[][] = [['file', 'rendering', 'matched', 'wrong', 'declined', 'cells', 'agency, year']];
let totalWrong = 0;
try {
  for (const file of htmlFiles) {
    const truth = JSON.parse(readFileSync(path.join(corpus, 'truth', file.replace(/\.html$/, '.json')), 'utf8')) as CellTruth;
    const renderings: { name: string; path: string }[] = [{ name: 'html', path: path.join(corpus, file) }];
    for (const setup of Object.keys(PAGE_SETUPS) as PageSetup[]) {
      const pdf = path.join(work, `${file.replace(/\.html$/, '')}.${setup}.pdf`);
      writeFileSync(pdf, await printer.print(path.join(corpus, file), setup));
      renderings.push({ name: `pdf ${setup}`, path: pdf });
    }
    for (const rendering of renderings) {
      const result = await readReport({ path: rendering.path, name: path.basename(rendering.path) });
      if ('problem' in result) {
        rows.push([file, rendering.name, '–', '–', '–', '–', result.problem]);
        continue;
      }
      const score = scoreCells(result.report, truth);
      totalWrong += score.wrong.length;
      const identity = result.report.agency.name === truth.agency && result.report.year === truth.year ? 'ok' : `${result.report.agency.name} ${result.report.year}`;
      if (identity !== 'ok') totalWrong += 1;
      rows.push([file, rendering.name, String(score.matched), String(score.wrong.length), String(score.declined), String(score.total), identity]);
      for (const line of score.wrong) rows.push(['', '', '', `  wrong: ${line}`, '', '', '']);
    }
  }
} finally {
  await printer.close();
  rmSync(work, { recursive: true, force: true });
}

const widths = rows[0].map((_, i) => Math.max(...rows.filter((r) => !r[3]?.startsWith('  ')).map((r) => (r[i] ?? '').length)));
for (const row of rows) {
  if (row[3]?.startsWith('  ')) console.log(row[3]);
  else console.log(row.map((cell, i) => (i >= 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  '));
}
console.log(`\n${totalWrong} wrong figures or identities in all renderings`);
process.exitCode = totalWrong > 0 ? 1 : 0;
