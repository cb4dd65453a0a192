/**
 * `npm run gen -- --agencies N [--years 2019-2025] [--seed N] [--out DIR] [--dataset] [--workers N]`:
 * a national-scale synthetic corpus from the demo generator (fictional agencies, every report
 * carrying the demo marker line), written report by report as the files real reports arrive in,
 * or with --dataset as a Parquet dataset, made by ingesting those files from a folder beside DIR
 * (removed afterwards; see src/demo/national.ts), with the browser database and first-paint
 * answers the app opens it with.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { DEFAULT_DEMO_SEED } from '../src/demo/corpus.ts';
import { DEMO_YEARS } from '../src/demo/generate.ts';
import { parseYears, writeNationalCorpus } from '../src/demo/national.ts';
import { writeBrowserDb } from './browser-db.ts';
import { writeFirstPaintJson } from './first-paint-json.ts';

function positive(name: string, text: string | undefined, fallback: number): number {
  const value = text === undefined ? fallback : Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number, not ${text}`);
  return value;
}

/** A bar on a terminal; otherwise a line every tenth of the way. */
function fileProgress(total: number): { tick: (done: number) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar({ format: 'gen [{bar}] {value}/{total} files | {duration_formatted} elapsed, eta {eta_formatted}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(total, 0);
    // Stopped on the last file, before an ingest (--dataset) starts its own bar.
    return { tick: (done) => (done === total ? bar.stop() : bar.update(done)), stop: () => bar.stop() };
  }
  const every = Math.max(1, Math.ceil(total / 10));
  return { tick: (done) => { if (done % every === 0 || done === total) process.stderr.write(`gen: ${done}/${total} files\n`); }, stop: () => {} };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      agencies: { type: 'string' }, years: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' },
      dataset: { type: 'boolean', default: false }, workers: { type: 'string' },
    },
  });
  if (values.agencies === undefined) throw new Error('gen needs --agencies N (7 years of 14,286 agencies ≈ 100,000 reports)');
  const agencies = positive('agencies', values.agencies, 0);
  if (agencies === 0) throw new Error('--agencies must be at least 1');
  const years = values.years === undefined ? DEMO_YEARS : parseYears(values.years);
  const seed = positive('seed', values.seed, DEFAULT_DEMO_SEED);
  const workers = positive('workers', values.workers, availableParallelism());
  const out = path.resolve(values.out ?? (values.dataset ? 'data/generated-dataset' : 'data/generated'));
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  const progress = fileProgress(agencies * years.length);
  let corpus;
  try {
    corpus = await writeNationalCorpus({
      agencies, years, seed, out, dataset: values.dataset, workers, onFile: progress.tick, log: (line) => console.log(line), progress: true,
    });
  } finally {
    progress.stop();
  }
  console.log(`gen: ${corpus.files} invented reports (${agencies} fictional agencies × ${years.length} years, seed ${seed}), ${(corpus.bytes / 1e6).toFixed(1)} MB of report files [${elapsed()}]`);
  if (corpus.dataset) {
    console.log(`gen: dataset of ${corpus.dataset.reports} reports in ${out}, read and parsed from those files like any ingest (${workers} worker threads; they are removed) [${elapsed()}]`);
    // what the app needs to open it fast, as npm run data writes for the bundled datasets
    const browserDb = await writeBrowserDb(out);
    const firstPaint = await writeFirstPaintJson(out);
    console.log(`gen: browser database ${(browserDb.bytes / 1e6).toFixed(1)} MB and ${firstPaint.files.length} first-paint files beside it [${elapsed()}]`);
  }
  else console.log(`gen: report files in ${out}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`gen: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
