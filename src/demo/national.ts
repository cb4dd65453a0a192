/**
 * A national-scale synthetic corpus (`npm run gen`): the demo generator's reports as files, or
 * as a Parquet dataset made by ingesting those files — the dataset `gongkai ingest` gives for
 * them, since it is that ingest; the parse is not skipped.
 */
import { rm } from 'node:fs/promises';
import { ingest, type IngestSummary } from '../ingest/ingest.ts';
import { writeDemoCorpus } from './corpus.ts';

export interface NationalCorpusOptions {
  agencies: number;
  years: number[];
  seed: number;
  out: string;
  /** Write a Parquet dataset to `out` instead of report files. */
  dataset?: boolean;
  workers?: number;
  onFile?: (written: number) => void;
  log?: (line: string) => void;
  progress?: boolean;
}

export async function writeNationalCorpus(options: NationalCorpusOptions): Promise<{ files: number; bytes: number; filesDir: string; dataset?: IngestSummary }> {
  const filesDir = options.dataset ? `${options.out}.files` : options.out;
  const corpus = await writeDemoCorpus(filesDir, options.seed, options.agencies, { years: options.years, onFile: options.onFile });
  if (!options.dataset) return { ...corpus, filesDir };
  try {
    const dataset = await ingest([filesDir], options.out, { log: options.log ?? (() => {}), progress: options.progress, workers: options.workers ?? 0 });
    return { ...corpus, filesDir, dataset };
  } finally {
    await rm(filesDir, { recursive: true, force: true });
  }
}

/** '2019-2025', '2019,2021' or '2019-2020,2024' → the years, sorted, each once. */
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
