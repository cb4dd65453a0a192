/**
 * `npm run bench:scale [-- --reports 100000 --part ingest|app|all --workers 0,2 --changes 12 --dataset DIR --input DIR --no-save]`,
 * both halves by default, figures side by side in one run:
 *   - ingest of a generated national-scale corpus (or of the reports in --input), against the
 *     floor of merely reading the same files: reports/s, × the read time, peak memory. Each ingest
 *     runs in its own process so its peak memory is its own;
 *   - the app (scripts/app-bench.ts) in headless Chromium on the bundled datasets and on the
 *     generated one (the dataset the last ingest wrote, or --dataset DIR from `npm run gen --
 *     --dataset`): first chart per view cold, filter changes per view, bytes, heap, beside native
 *     DuckDB on the same files. `--reports 0` measures the bundled datasets only (`npm run bench:app`).
 * Figures go to bench/results.json (with the machine) and are compared with the last committed run
 * of the same size. `npm run bench:ingest` is the ingest half at 10,000 reports.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { writeDemoCorpus } from '../src/demo/corpus.ts';
import { DEMO_YEARS } from '../src/demo/generate.ts';
import { collectFiles, ingest } from '../src/ingest/ingest.ts';
import { DATASETS } from '../src/model/dataset.ts';
import { benchApp, printAppResult, type AppBenchResult } from './app-bench.ts';
import { writeFirstPaintJson } from './first-paint-json.ts';
import { writeBrowserDb } from './browser-db.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_FILE = path.join(repoRoot, 'bench', 'results.json');
const SEED = 20240101;

interface IngestRun {
  workers: number;
  seconds: number;
  reportsPerSecond: number;
  /** Ingest time over the time of reading and decoding the same files, measured just before it. */
  timesRead: number;
  readSeconds: number;
  peakRssMb: number;
  /** The main thread's heap; each worker thread has its own, within FILE_MEMORY_LIMIT_MB. */
  peakHeapMb: number;
}

interface BenchResult {
  date: string;
  machine: { cores: number; cpu: string; node: string; platform: string };
  reports: number;
  inputMb: number;
  ingest: IngestRun[];
  app?: AppBenchResult[];
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/** Read and decode every file, one after another: what any ingest must at least do. */
async function readOnly(dir: string): Promise<number> {
  const started = process.hrtime.bigint();
  const { files } = await collectFiles([dir]);
  const decoder = new TextDecoder('utf-8');
  for (const file of files) decoder.decode(await readFile(file.path));
  return seconds(started);
}

/** In a child process: one ingest, its time and peak memory as JSON on stdout. */
async function ingestChild(input: string, out: string, workers: number): Promise<void> {
  let peakHeap = 0;
  const sample = () => (peakHeap = Math.max(peakHeap, getHeapStatistics().used_heap_size));
  const sampler = setInterval(sample, 50);
  const started = process.hrtime.bigint();
  const summary = await ingest([input], out, { log: () => {}, workers });
  const took = seconds(started);
  clearInterval(sampler);
  sample();
  process.stdout.write(JSON.stringify({ reports: summary.reports, seconds: took, peakRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: peakHeap / 2 ** 20 }));
}

/** One ingest in a child process; its dataset is left in `out`. */
async function timedIngest(input: string, out: string, workers: number): Promise<{ reports: number; seconds: number; peakRssMb: number; peakHeapMb: number }> {
  await rm(out, { recursive: true, force: true });
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', input, out, String(workers)], {
    cwd: repoRoot, maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout);
}

async function lastResult(reports: number): Promise<BenchResult | undefined> {
  if (!existsSync(RESULTS_FILE)) return undefined;
  const results = JSON.parse(await readFile(RESULTS_FILE, 'utf8')) as BenchResult[];
  return results.filter((r) => r.reports === reports).at(-1);
}

function printTable(result: BenchResult, previous: BenchResult | undefined): void {
  const header = ['workers', 'seconds', 'reports/s', '× read', 'read s', 'peak RSS MB', 'peak heap MB', 'vs last (reports/s)'];
  const rows = result.ingest.map((run) => {
    const before = previous?.ingest.find((p) => p.workers === run.workers);
    return [
      String(run.workers), run.seconds.toFixed(1), run.reportsPerSecond.toFixed(0), run.timesRead.toFixed(1), run.readSeconds.toFixed(2),
      run.peakRssMb.toFixed(0), run.peakHeapMb.toFixed(0), before ? `${(run.reportsPerSecond / before.reportsPerSecond).toFixed(2)}× (${previous!.date.slice(0, 10)})` : '–',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  for (const line of [header, widths.map((w) => '-'.repeat(w)), ...rows]) console.log(line.map((cell, i) => cell.padStart(widths[i])).join('  '));
}

const GOALS = { bundled: { firstChart: 1000, p95: 100 }, scaled: { firstChart: 1500, p95: 150 } };

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reports: { type: 'string', default: '100000' },
      workers: { type: 'string', default: `0,${availableParallelism()}` },
      part: { type: 'string', default: 'all' },
      changes: { type: 'string', default: '12' },
      save: { type: 'boolean', default: true },
      input: { type: 'string' },
      dataset: { type: 'string' },
    },
    allowNegative: true,
  });
  if (!['ingest', 'app', 'all'].includes(values.part)) throw new Error(`--part takes ingest, app or all, not ${values.part}`);
  const wanted = Number(values.reports);
  if (!Number.isInteger(wanted) || wanted < 0) throw new Error(`--reports must be a whole number, got ${values.reports}`);
  const workerCounts = values.workers.split(',').map(Number);
  if (workerCounts.some((n) => !Number.isInteger(n) || n < 0)) throw new Error(`--workers takes whole numbers like 0,2, not ${values.workers}`);
  const changes = Number(values.changes);
  if (!Number.isInteger(changes) || changes <= 0) throw new Error(`--changes must be a positive whole number, got ${values.changes}`);
  const runIngest = values.part !== 'app';
  const runApp = values.part !== 'ingest';
  const scaled = values.dataset ? path.resolve(values.dataset) : null;
  if (scaled && !existsSync(path.join(scaled, 'manifest.json'))) throw new Error(`--dataset ${scaled}: no manifest.json (make one with npm run gen -- --agencies N --dataset --out DIR)`);
  const needCorpus = runIngest || (runApp && wanted > 0 && !scaled);
  if (runIngest && wanted === 0 && !values.input) throw new Error('the ingest half needs --reports N > 0 or --input DIR');

  const work = await mkdtemp(path.join(tmpdir(), 'gongkai-bench-scale-'));
  try {
    let input = path.join(work, 'reports');
    let corpus = { files: 0, bytes: 0 };
    if (needCorpus && values.input) {
      input = path.resolve(values.input);
      const { files } = await collectFiles([input]);
      corpus = { files: files.length, bytes: (await Promise.all(files.map((f) => stat(f.path)))).reduce((sum, s) => sum + s.size, 0) };
      console.log(`${corpus.files.toLocaleString('en')} report files in ${input}, ${(corpus.bytes / 1e6).toFixed(1)} MB`);
    } else if (needCorpus) {
      const agencies = Math.ceil(wanted / DEMO_YEARS.length);
      const started = process.hrtime.bigint();
      corpus = await writeDemoCorpus(input, SEED, agencies);
      console.log(`generated ${corpus.files.toLocaleString('en')} demo reports (${agencies.toLocaleString('en')} fictional agencies × ${DEMO_YEARS.length} years), ${(corpus.bytes / 1e6).toFixed(1)} MB, in ${seconds(started).toFixed(1)} s`);
    }

    const result: BenchResult = {
      date: new Date().toISOString(),
      machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}` },
      reports: corpus.files,
      inputMb: Number((corpus.bytes / 1e6).toFixed(1)),
      ingest: [],
    };
    const previous = await lastResult(result.reports);
    // A folder of the user's own is no baseline for the generated corpus.
    const save = values.save && !values.input;
    const earlier = existsSync(RESULTS_FILE) ? (JSON.parse(await readFile(RESULTS_FILE, 'utf8')) as BenchResult[]) : [];
    const saveNow = async () => {
      // Saved after every step: a long run stopped part way keeps what it measured.
      if (!save) return;
      await mkdir(path.dirname(RESULTS_FILE), { recursive: true });
      await writeFile(RESULTS_FILE, `${JSON.stringify([...earlier, result], null, 2)}\n`);
    };
    const ingested = path.join(work, 'dataset');
    for (const workers of runIngest ? workerCounts : []) {
      // The floor is measured right before each ingest: on a shared machine the load drifts.
      const readSeconds = await readOnly(input);
      const run = await timedIngest(input, ingested, workers);
      if (run.reports !== corpus.files) throw new Error(`ingest kept ${run.reports} of ${corpus.files} reports`);
      result.ingest.push({
        workers, seconds: run.seconds, reportsPerSecond: run.reports / run.seconds, timesRead: run.seconds / readSeconds, readSeconds,
        peakRssMb: run.peakRssMb, peakHeapMb: run.peakHeapMb,
      });
      console.log(`ingest with ${workers} worker threads: ${run.seconds.toFixed(1)} s (read alone ${readSeconds.toFixed(2)} s)`);
      await saveNow();
    }

    if (runApp) {
      result.app = [];
      const targets: { label: string; dir: string; goals: { firstChart: number; p95: number } }[] = [
        { label: 'bundled real (the default)', dir: path.join(repoRoot, 'public', 'data', DATASETS.real), goals: GOALS.bundled },
        { label: 'bundled demo', dir: path.join(repoRoot, 'public', 'data', DATASETS.demo), goals: GOALS.bundled },
      ];
      if (scaled) targets.push({ label: `generated (${path.basename(scaled)})`, dir: scaled, goals: GOALS.scaled });
      else if (wanted > 0) {
        if (!existsSync(path.join(ingested, 'manifest.json'))) {
          console.log('ingesting the generated corpus for the app half (untimed)');
          await ingest([input], ingested, { log: () => {}, workers: availableParallelism() });
        }
        targets.push({ label: `generated ${corpus.files.toLocaleString('en')}`, dir: ingested, goals: GOALS.scaled });
      }
      for (const target of targets) {
        // the first-paint answers belong to the dataset as npm run data writes them
        if (target.dir === ingested || target.dir === scaled) {
          await writeBrowserDb(target.dir);
          await writeFirstPaintJson(target.dir);
        }
        console.log(`app on ${target.label}…`);
        result.app.push(await benchApp(target.dir, target.label, changes, (line) => console.log(line)));
        await saveNow();
      }
    }

    console.log(`\n${result.machine.cores} cores (${result.machine.cpu}), node ${result.machine.node}`);
    if (result.ingest.length > 0) {
      console.log(`\ningest of ${result.reports.toLocaleString('en')} reports`);
      printTable(result, previous);
    }
    const kindOf = (label: string) => (label.startsWith('generated') ? 'generated' : label);
    const earlierApp = (label: string, reports: number) =>
      earlier.flatMap((r) => (r.app ?? []).map((a) => ({ date: r.date, app: a }))).filter((e) => kindOf(e.app.label) === kindOf(label) && e.app.reports === reports).at(-1);
    for (const [i, app] of (result.app ?? []).entries()) printAppResult(app, i < 2 ? GOALS.bundled : GOALS.scaled, earlierApp(app.label, app.reports));
    if (save) console.log(`\nfigures added to ${path.relative(process.cwd(), RESULTS_FILE)}; commit it to compare later runs`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
if (args[0] === '--child') await ingestChild(args[1], args[2], Number(args[3]));
else await main();
