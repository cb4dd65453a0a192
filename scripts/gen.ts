/**
 * `npm run gen -- --agencies N [--years 2019-2025] [--seed N] [--out DIR] [--dataset] [--workers N]`:
 * a national-scale synthetic corpus from the demo generator (fictional agencies, every report
 * carrying the demo marker line), written report by report as the files real reports arrive in,
 * or with --dataset as a Parquet dataset. The dataset is made by ingesting those files (from a
 * folder beside DIR, removed afterwards), so it is the dataset `gongkai ingest` gives for them.
 */
import { availableParallelism } from 'node:os';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { DEFAULT_DEMO_SEED, writeDemoCorpus } from '../src/demo/corpus.ts';
import { DEMO_YEARS } from '../src/demo/generate.ts';
import { ingest } from '../src/ingest/ingest.ts';

export function parseYears(text: string): number[] {
  const years = text.split(',').flatMap((part) => {
    const range = /^(\d{4})(?:-(\d{4}))?$/.exec(part.trim());
    if (!range) throw new Error(`--years takes years like 2019-2025 or 2019,2021, not ${text}`);
    const [from, to] = [Number(range[1]), Number(range[2] ?? range[1])];
    if (to < from) throw new Error(`--years ${part}: the range runs backwards`);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  });
  return [...new Set(years)].sort((a, b) => a - b);
}

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
    return { tick: (done) => bar.update(done), stop: () => bar.stop() };
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

  const filesDir = values.dataset ? `${out}.files` : out;
  const progress = fileProgress(agencies * years.length);
  let corpus;
  try {
    corpus = await writeDemoCorpus(filesDir, seed, agencies, { years, onFile: progress.tick });
  } finally {
    progress.stop();
  }
  console.log(`gen: ${corpus.files} invented reports (${agencies} fictional agencies × ${years.length} years, seed ${seed}), ${(corpus.bytes / 1e6).toFixed(1)} MB in ${filesDir} [${elapsed()}]`);
  if (!values.dataset) return;
  try {
    const summary = await ingest([filesDir], out, { log: (line) => console.log(line), progress: true, workers });
    console.log(`gen: dataset of ${summary.reports} reports in ${out}, read and parsed from the files like any ingest (${workers} worker threads) [${elapsed()}]`);
  } finally {
    await rm(filesDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`gen: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
