/**
 * `npm run data [-- --seed N --agencies N]`: build the dashboard's two datasets.
 * - public/data/real/: the real reports shipped in data/reports/ (public government documents,
 *   each with its source address in data/reports/MANIFEST.tsv), with the agency register
 *   data/agencies.tsv. The app opens on this one.
 * - public/data/demo/: the demo corpus (invented reports of fictional agencies) written to
 *   data/demo/ first. Real and demo reports never share a dataset, so never a total.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DATASETS } from '../src/model/dataset.ts';
import { DEFAULT_DEMO_SEED, writeDemoCorpus } from '../src/demo/corpus.ts';
import { DEFAULT_DEMO_AGENCIES } from '../src/demo/generate.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { readAgencyRegister } from '../src/ingest/register.ts';
import { writeFirstPaintJson } from './first-paint-json.ts';
import { writeBrowserDb } from './browser-db.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seed: { type: 'string' }, agencies: { type: 'string' } } });
  const seed = values.seed === undefined ? DEFAULT_DEMO_SEED : Number(values.seed);
  const agencies = values.agencies === undefined ? DEFAULT_DEMO_AGENCIES : Number(values.agencies);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got ${values.seed}`);
  if (!Number.isInteger(agencies) || agencies <= 0) throw new Error(`--agencies must be a positive whole number, got ${values.agencies}`);

  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const publicDir = (dataset: string) => path.join(repoRoot, 'public', 'data', dataset);

  const reportsDir = path.join(repoRoot, 'data', 'reports');
  const register = readAgencyRegister(path.join(repoRoot, 'data', 'agencies.tsv'));
  const real = await ingest([reportsDir], publicDir(DATASETS.real), { log: (line) => console.log(line), progress: true, register });
  await writeBrowserDb(publicDir(DATASETS.real));
  await writeFirstPaintJson(publicDir(DATASETS.real));
  console.log(`real dataset: ${real.reports} reports from ${path.relative(repoRoot, reportsDir)}/ [${elapsed()}]`);

  const demoDir = path.join(repoRoot, 'data', 'demo');
  const corpus = await writeDemoCorpus(demoDir, seed, agencies);
  console.log(`demo corpus: ${corpus.files} invented reports (${agencies} fictional agencies, seed ${seed}), ${(corpus.bytes / 1e6).toFixed(1)} MB in ${path.relative(repoRoot, demoDir)}/ [${elapsed()}]`);
  const demo = await ingest([demoDir], publicDir(DATASETS.demo), { log: (line) => console.log(line), progress: true });
  await writeBrowserDb(publicDir(DATASETS.demo));
  await writeFirstPaintJson(publicDir(DATASETS.demo));
  console.log(`demo dataset: ${demo.reports} reports (${demo.synthetic} synthetic); npm run data took ${elapsed()}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
