/**
 * `npm run fuzz -- [--count N] [--seed S]`: the real text reports of data/reports/, mutated the
 * way downloads and copy-paste damage files (tab runs, cut and doubled lines, overlong figures,
 * stray markup, control characters, truncation, encodings), each read and parsed as ingest does.
 * Counts crashes (the parser threw), slow files (over 2 s), figures whose printed digits are not
 * in the input, and non-finite numbers; prints the seed so any failure can be replayed
 * (`--seed S --only N` runs mutation #N of seed S alone, with its read and parse times).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { Random } from '../src/demo/random.ts';
import { parseDocument } from '../src/ingest/parse/index.ts';
import { readSourceBytes } from '../src/ingest/readers/index.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { count: { type: 'string', default: '2000' }, seed: { type: 'string' }, only: { type: 'string' } } });
const count = Number(values.count);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
const SLOW_MS = 2000;

const reportsDir = path.join(repoRoot, 'data', 'reports');
const originals = readdirSync(reportsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(path.join(reportsDir, f), 'utf8'));

type Mutation = (text: string, random: Random) => string;
const at = (text: string, random: Random) => Math.floor(random.next() * (text.length + 1));
const MUTATIONS: Record<string, Mutation> = {
  tabRun: (t, r) => { const i = at(t, r); return t.slice(0, i) + '\t'.repeat(1 + Math.floor(r.next() * 200_000)) + t.slice(i); },
  spaceRun: (t, r) => { const i = at(t, r); return t.slice(0, i) + ' \u3000'.repeat(1 + Math.floor(r.next() * 50_000)) + t.slice(i); },
  longFigure: (t, r) => { const i = at(t, r); return t.slice(0, i) + '9'.repeat(1 + Math.floor(r.next() * 400)) + t.slice(i); },
  hugeFigure: (t, r) => t.replace(/\d+/u, '12345678901234567890'),
  cutLines: (t, r) => t.split('\n').filter(() => r.next() > 0.1).join('\n'),
  doubleLines: (t, r) => t.split('\n').flatMap((line) => (r.next() < 0.1 ? [line, line] : [line])).join('\n'),
  joinLines: (t, r) => t.split('\n').map((line) => (r.next() < 0.3 ? line : `${line}\n`)).join(''),
  truncate: (t, r) => t.slice(0, at(t, r)),
  markup: (t, r) => { const i = at(t, r); return `${t.slice(0, i)}<script>alert(1)</script><b onmouseover="x">${t.slice(i)}`; },
  controls: (t, r) => [...t].map((ch) => (r.next() < 0.002 ? String.fromCharCode(Math.floor(r.next() * 32)) : ch)).join(''),
  digitsSwapped: (t, r) => t.replace(/\d/gu, (d) => (r.next() < 0.05 ? String(Math.floor(r.next() * 10)) : d)),
  repeatWhole: (t, r) => t.repeat(2 + Math.floor(r.next() * 6)),
  noNewlines: (t) => t.replace(/\n/gu, ''),
};
const NAMES = Object.keys(MUTATIONS);
const ENCODINGS = ['utf8', 'gb18030', 'utf-16le'] as const;

const problems: Record<'crash' | 'slow' | 'foreign' | 'nonFinite', string[]> = { crash: [], slow: [], foreign: [], nonFinite: [] };
let slowest = 0;
const started = performance.now();
const runs = values.only !== undefined ? [Number(values.only)] : Array.from({ length: count }, (_, n) => n);
for (const n of runs) {
  const random = Random.derive(seed, n);
  const base = originals[Math.floor(random.next() * originals.length)]!;
  const applied: string[] = [];
  let text = base;
  for (let k = 1 + Math.floor(random.next() * 3); k > 0; k--) {
    const name = NAMES[Math.floor(random.next() * NAMES.length)]!;
    applied.push(name);
    text = MUTATIONS[name]!(text, random);
  }
  const encoding = ENCODINGS[Math.floor(random.next() * ENCODINGS.length)]!;
  const label = `#${n} (${applied.join('+')}, ${encoding})`;
  const bytes = new Uint8Array(iconv.encode(text, encoding));
  const t0 = performance.now();
  let report;
  try {
    const read = await readSourceBytes(bytes, `fuzz-${n}.txt`);
    const readMs = performance.now() - t0;
    report = parseDocument(read.doc, { file: `fuzz-${n}.txt`, sha256: String(n), format: read.format });
    if (values.only !== undefined) console.log(`${label}: read ${Math.round(readMs)} ms, parse ${Math.round(performance.now() - t0 - readMs)} ms`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A refusal with a reason (binary, no report) is the expected answer to a ruined file.
    if ((error as { name?: string }).name !== 'ReadError') problems.crash.push(`${label}: ${message.split('\n')[0]}`);
  }
  const elapsed = performance.now() - t0;
  slowest = Math.max(slowest, elapsed);
  if (elapsed > SLOW_MS) problems.slow.push(`${label}: ${Math.round(elapsed)} ms, ${text.length} chars`);
  if (!report) continue;
  const inputDigits = text.replace(/[^\d]/gu, '');
  for (const cell of report.cells) {
    if (cell.value !== null && !Number.isFinite(cell.value)) problems.nonFinite.push(`${label}: ${cell.table}.${cell.row}.${cell.col} = ${cell.value}`);
    const printed = (cell.raw ?? '').replace(/[^\d]/gu, '');
    if (cell.state === 'number' && printed !== '' && !inputDigits.includes(printed)) problems.foreign.push(`${label}: ${cell.table}.${cell.row}.${cell.col} raw ${cell.raw}`);
  }
  for (const metric of report.metrics) {
    if (!Number.isFinite(metric.value)) problems.nonFinite.push(`${label}: metric ${metric.key} = ${metric.value}`);
  }
}

const seconds = (performance.now() - started) / 1000;
console.log(`fuzz: seed ${seed}, ${runs.length} mutated reports from ${originals.length} real ones in ${seconds.toFixed(1)} s (slowest ${Math.round(slowest)} ms)`);
for (const [kind, list] of Object.entries(problems)) {
  console.log(`${kind.padEnd(10)} ${list.length}`);
  for (const line of list.slice(0, 10)) console.log(`  ${line}`);
}
process.exitCode = Object.values(problems).some((list) => list.length > 0) ? 1 : 0;
