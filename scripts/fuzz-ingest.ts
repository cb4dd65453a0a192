/**
 * `npm run fuzz -- [--count N] [--seed S] [--only N]`: the real text reports of data/reports/,
 * mutated (see src/testing/fuzz.ts), each read and parsed as ingest does. Prints the seed, the
 * counts of crashes, slow files (over 2 s of CPU), figures not in the input and non-finite numbers,
 * and, every 1,000 runs, how far it got;
 * `--seed S --only N` replays mutation #N alone with its read and parse times.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fuzzReports } from '../src/testing/fuzz.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { count: { type: 'string', default: '2000' }, seed: { type: 'string' }, only: { type: 'string' } } });
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
const runs = values.only !== undefined ? [Number(values.only)] : Array.from({ length: Number(values.count) }, (_, n) => n);

const reportsDir = path.join(repoRoot, 'data', 'reports');
const originals = readdirSync(reportsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(reportsDir, f), 'utf8'));
const started = performance.now();
const CHUNK = 1000;
const result = await fuzzReports(originals, seed, runs.slice(0, CHUNK), values.only !== undefined ? console.log : undefined);
for (let from = CHUNK; from < runs.length; from += CHUNK) {
  // A long run reports as it goes, so a run cut short still tells how far it got clean.
  const issues = result.crash.length + result.slow.length + result.foreign.length + result.nonFinite.length;
  console.error(`fuzz: seed ${seed}, ${from} of ${runs.length} in ${((performance.now() - started) / 1000).toFixed(0)} s, ${issues} findings, slowest ${Math.round(result.slowestMs)} ms CPU`);
  const part = await fuzzReports(originals, seed, runs.slice(from, from + CHUNK));
  result.runs += part.runs;
  result.slowestMs = Math.max(result.slowestMs, part.slowestMs);
  result.slowestWallMs = Math.max(result.slowestWallMs, part.slowestWallMs);
  for (const kind of ['crash', 'slow', 'foreign', 'nonFinite'] as const) {
    for (const line of part[kind]) console.error(`  ${kind}: ${line}`);
    result[kind].push(...part[kind]);
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(`fuzz: seed ${seed}, ${result.runs} mutated reports from ${originals.length} real ones in ${seconds.toFixed(1)} s (slowest ${Math.round(result.slowestMs)} ms CPU, ${Math.round(result.slowestWallMs)} ms wall)`);
for (const kind of ['crash', 'slow', 'foreign', 'nonFinite'] as const) {
  console.log(`${kind.padEnd(10)} ${result[kind].length}`);
  for (const line of result[kind].slice(0, 10)) console.log(`  ${line}`);
}
process.exitCode = result.crash.length + result.slow.length + result.foreign.length + result.nonFinite.length > 0 ? 1 : 0;
