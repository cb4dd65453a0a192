/**
 * `npm run data [-- --seed N --agencies N]`: write the demo corpus (invented reports of fictional
 * agencies, mixed renderings) into data/demo/, then ingest it, plus the Wuzhong sample report
 * when ../shared/corpus is present, into public/data/ — the dashboard's default dataset.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DEMO_AGENCIES, generateDemoReports, type DemoReport } from '../src/demo/generate.ts';
import { renderReport, type Rendering } from '../src/demo/render.ts';
import { Random } from '../src/demo/random.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { writeOverviewJson } from './overview-json.ts';

export const DEFAULT_DEMO_SEED = 20190515;

/** Most reports arrive as PDF text or web pages; run-together cells are a minority by design. */
const RENDERING_WEIGHTS: [Rendering, number][] = [
  ['text-tab', 0.3], ['text-lines', 0.2], ['text-layout', 0.2], ['html', 0.25], ['text-runtogether', 0.05],
];

export function renderingFor(seed: number, report: DemoReport): Rendering {
  let draw = Random.derive(seed, 'rendering', report.agency.name!, report.year).next();
  for (const [rendering, weight] of RENDERING_WEIGHTS) {
    draw -= weight;
    if (draw < 0) return rendering;
  }
  return RENDERING_WEIGHTS[0][0];
}

/** Writes one file per report under `dir/<year>/` and a MANIFEST.tsv of what each file holds. */
export async function writeDemoCorpus(dir: string, seed: number, agencies: number): Promise<{ files: number; bytes: number }> {
  await rm(dir, { recursive: true, force: true });
  const reports = generateDemoReports({ seed, agencies });
  const agencyNumber = new Map<string, number>();
  const manifest = ['file\tagency\tlevel\tyear\ttemplate\trendering\tslips'];
  let bytes = 0;
  for (const report of reports) {
    const name = report.agency.name!;
    if (!agencyNumber.has(name)) agencyNumber.set(name, agencyNumber.size + 1);
    const rendering = renderingFor(seed, report);
    const { extension, content } = renderReport(report, rendering);
    const file = `${report.year}/a${String(agencyNumber.get(name)).padStart(4, '0')}-${rendering}${extension}`;
    await mkdir(path.join(dir, String(report.year)), { recursive: true });
    await writeFile(path.join(dir, file), content);
    bytes += Buffer.byteLength(content);
    manifest.push([file, name, report.agency.level, report.year, report.template, rendering, report.slips.join(',')].join('\t'));
  }
  await writeFile(path.join(dir, 'MANIFEST.tsv'), manifest.join('\n') + '\n');
  return { files: reports.length, bytes };
}

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
