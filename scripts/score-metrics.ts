/**
 * `npm run score:metrics [-- --verbose]`: the narrative metrics the parser finds in the real
 * reports of data/reports/, against the hand-read truth of data/truth/narrative/: found / truth
 * and wrong per metric key (and how many found figures have the truth's period), on the held-apart reports (rules never written from them), on the
 * reports the rules were tuned on, and on all.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { METRIC_KEYS } from '../src/model/report.ts';
import { readReport } from '../src/ingest/read-report.ts';
import { readNarrativeTruth, scoreReport, tally, type MetricOutcome } from '../src/testing/metric-score.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false }, part: { type: 'string' } } });

const truths = readNarrativeTruth(path.join(repoRoot, 'data', 'truth', 'narrative'));
const outcomes: (MetricOutcome & { split: string })[] = [];
for (const truth of truths) {
  const result = await readReport({ path: path.join(repoRoot, 'data', 'reports', truth.file), name: truth.file });
  const metrics = 'report' in result ? result.report.metrics : [];
  for (const outcome of scoreReport(truth, metrics)) outcomes.push({ ...outcome, split: truth.split });
}

const pct = (a: number, b: number) => (b === 0 ? '   –  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
function table(title: string, part: MetricOutcome[]): void {
  const scores = tally(part);
  const reports = new Set(part.map((o) => o.file)).size;
  console.log(`\n${title} (${reports} reports)`);
  console.log(`${'key'.padEnd(24)} ${'found/truth'.padStart(12)} ${'found%'.padStart(7)} ${'wrong'.padStart(6)} ${'period ok'.padStart(10)}`);
  for (const key of [...METRIC_KEYS, 'all' as const]) {
    const s = scores.get(key);
    if (!s) continue;
    console.log(`${key.padEnd(24)} ${`${s.found}/${s.truth}`.padStart(12)} ${pct(s.found, s.truth).padStart(7)} ${String(s.wrong).padStart(6)} ${`${s.samePeriod}/${s.found}`.padStart(10)}`);
  }
}

const parts = { heldout: 'HELD APART — rules not written from these', tuning: 'TUNING — rules written from these' } as const;
for (const [split, title] of Object.entries(parts)) {
  if (values.part && values.part !== split) continue;
  table(title, outcomes.filter((o) => o.split === split));
}
if (!values.part) table('ALL', outcomes);
if (values.verbose) {
  console.log('\nmissed and wrong:');
  for (const o of outcomes.filter((o) => (o.kind !== 'found' || !o.samePeriod) && (!values.part || o.split === values.part))) {
    console.log(`${(o.kind === 'found' ? 'period' : o.kind).padEnd(6)} ${o.file.padEnd(36)} ${o.key.padEnd(22)} ${String(o.value).padStart(8)} ${o.account ?? ''}  「${o.evidence.slice(0, 70)}」`);
  }
}
