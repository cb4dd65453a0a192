/**
 * `npm run bench:ingest [-- --reports N --workers N]`: how fast ingest turns report files into Parquet,
 * against the floor of merely reading the same files. Prints figures; it is not a test.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_YEARS, generateDemoReports } from '../src/demo/generate.ts';
import { RENDERINGS, renderReport, type Rendering } from '../src/demo/render.ts';
import { collectFiles, ingest } from '../src/ingest/ingest.ts';

const { values } = parseArgs({ options: { reports: { type: 'string', default: '10000' }, workers: { type: 'string', default: '0' } } });
const workers = Number(values.workers);
const wanted = Number(values.reports);
if (!Number.isInteger(wanted) || wanted <= 0) throw new Error(`--reports must be a positive whole number, got ${values.reports}`);

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const rate = (count: number, secs: number) => `${Math.round(count / secs).toLocaleString('en')} reports/s`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

const work = await mkdtemp(path.join(tmpdir(), 'gongkai-bench-'));
try {
  let started = process.hrtime.bigint();
  const agencies = Math.ceil(wanted / DEMO_YEARS.length);
  const reports = generateDemoReports({ seed: 20240101, agencies, years: DEMO_YEARS }).slice(0, wanted);
  const inputDir = path.join(work, 'reports');
  let inputBytes = 0;
  const renderingCounts = new Map<Rendering, number>();
  for (const [i, report] of reports.entries()) {
    const rendering = RENDERINGS[i % RENDERINGS.length];
    renderingCounts.set(rendering, (renderingCounts.get(rendering) ?? 0) + 1);
    const { extension, content } = renderReport(report, rendering);
    const dir = path.join(inputDir, String(report.year));
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `${String(i).padStart(6, '0')}${extension}`), content);
    inputBytes += Buffer.byteLength(content);
  }
  console.log(`generated ${reports.length} demo reports (${[...renderingCounts].map(([r, n]) => `${n} ${r}`).join(', ')}), ${mb(inputBytes)}, in ${seconds(started).toFixed(1)} s`);

  started = process.hrtime.bigint();
  const { files } = await collectFiles([inputDir]);
  const decoder = new TextDecoder('utf-8');
  let characters = 0;
  for (const file of files) characters += decoder.decode(await readFile(file.path)).length;
  const readSeconds = seconds(started);
  console.log(`(a) read + decode only: ${files.length} files, ${characters.toLocaleString('en')} characters in ${readSeconds.toFixed(2)} s → ${rate(files.length, readSeconds)}`);

  const outDir = path.join(work, 'dataset');
  started = process.hrtime.bigint();
  const summary = await ingest([inputDir], outDir, { log: () => {}, workers });
  const ingestSeconds = seconds(started);
  console.log(`(b) full ingest to Parquet (${workers} worker threads): ${summary.reports} reports in ${ingestSeconds.toFixed(2)} s → ${rate(summary.reports, ingestSeconds)}`);
  console.log(`    ${summary.cells.toLocaleString('en')} cells, ${summary.metrics} metrics, ${summary.checks} checks (${summary.failedHard} hard, ${summary.failedSoft} soft failed), ${summary.unreadable.length} unreadable, ${summary.duplicates.length} duplicates, rss ${mb(process.memoryUsage().rss)} after`);
  console.log(`ratio: full ingest takes ${(ingestSeconds / readSeconds).toFixed(1)}× the time of reading alone`);

  let total = 0;
  for (const [table, entry] of Object.entries(summary.manifest.tables)) {
    total += entry.bytes;
    console.log(`    ${table.padEnd(8)} ${String(entry.rows).padStart(10)} rows ${mb(entry.bytes).padStart(9)}`);
  }
  const manifestBytes = (await stat(path.join(outDir, 'manifest.json'))).size;
  console.log(`output: ${mb(total + manifestBytes)} in ${Object.keys(summary.manifest.tables).length} Parquet files + manifest (input ${mb(inputBytes)})`);
} finally {
  await rm(work, { recursive: true, force: true });
}
