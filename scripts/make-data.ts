/**
 * `npm run data [-- --seed N --agencies N]`: write the demo corpus (invented reports of fictional
 * agencies, mixed renderings) into data/demo/, then ingest it, plus the Wuzhong sample report
 * when ../shared/corpus is present, into public/data/ — the dashboard's default dataset.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DEMO_SEED, writeDemoCorpus } from '../src/demo/corpus.ts';
import { DEFAULT_DEMO_AGENCIES } from '../src/demo/generate.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { writeOverviewJson } from './overview-json.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seed: { type: 'string' }, agencies: { type: 'string' } } });
  const seed = values.seed === undefined ? DEFAULT_DEMO_SEED : Number(values.seed);
  const agencies = values.agencies === undefined ? DEFAULT_DEMO_AGENCIES : Number(values.agencies);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got ${values.seed}`);
  if (!Number.isInteger(agencies) || agencies <= 0) throw new Error(`--agencies must be a positive whole number, got ${values.agencies}`);

  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const demoDir = path.join(repoRoot, 'data', 'demo');
  const outDir = path.join(repoRoot, 'public', 'data');
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  const corpus = await writeDemoCorpus(demoDir, seed, agencies);
  console.log(`demo corpus: ${corpus.files} invented reports (${agencies} fictional agencies, seed ${seed}), ${(corpus.bytes / 1e6).toFixed(1)} MB in ${path.relative(repoRoot, demoDir)}/ [${elapsed()}]`);

  const inputs = [demoDir];
  const sample = path.resolve(repoRoot, '../shared/corpus/2020_wuzhong-gov-service-centre.txt');
  if (existsSync(sample)) inputs.push(sample);
  else console.log(`note: ${sample} not found; the dataset holds demo reports only`);

  const summary = await ingest(inputs, outDir, { log: (line) => console.log(line), progress: true });
  console.log(`dataset: ${summary.reports} reports (${summary.synthetic} synthetic) in ${path.relative(repoRoot, outDir)}/ [${elapsed()}]`);
  const overview = await writeOverviewJson(outDir);
  console.log(`wrote ${path.relative(repoRoot, overview)}; npm run data took ${elapsed()}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
