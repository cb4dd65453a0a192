/**
 * Real reports mutated the way downloads and copy-paste damage files (tab runs, cut and doubled
 * lines, overlong figures, stray markup, control characters, truncation, other encodings), each
 * read and parsed as ingest does. Counts crashes (the parser threw), slow files, figures whose
 * printed digits are not in the input, and non-finite numbers. Deterministic for a seed.
 */
import iconv from 'iconv-lite';
import { Random } from '../demo/random.ts';
import { parseDocument } from '../ingest/parse/index.ts';
import { readSourceBytes } from '../ingest/readers/index.ts';

/**
 * A run is slow past this much CPU time (process.cpuUsage: this process's threads, the parse's
 * garbage collection included). CPU time, not wall time: on a shared machine, wall time
 * measures the neighbours as much as the parser.
 */
export const SLOW_MS = 2000;

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

type Mutation = (text: string, random: Random) => string;
const at = (text: string, random: Random) => Math.floor(random.next() * (text.length + 1));
const MUTATIONS: Record<string, Mutation> = {
  tabRun: (t, r) => { const i = at(t, r); return t.slice(0, i) + '\t'.repeat(1 + Math.floor(r.next() * 200_000)) + t.slice(i); },
  spaceRun: (t, r) => { const i = at(t, r); return t.slice(0, i) + ' \u3000'.repeat(1 + Math.floor(r.next() * 50_000)) + t.slice(i); },
  longFigure: (t, r) => { const i = at(t, r); return t.slice(0, i) + '9'.repeat(1 + Math.floor(r.next() * 400)) + t.slice(i); },
  hugeFigure: (t) => t.replace(/\d+/u, '12345678901234567890'),
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

export interface FuzzResult {
  runs: number;
  /** CPU time of the slowest run, and the wall time of the slowest run by wall time. */
  slowestMs: number;
  slowestWallMs: number;
  crash: string[];
  slow: string[];
  foreign: string[];
  nonFinite: string[];
}

/** Mutation #n of `seed` for each n in `runs`, applied to one of `originals`. */
export async function fuzzReports(originals: readonly string[], seed: number, runs: readonly number[], onRun?: (line: string) => void): Promise<FuzzResult> {
  const result: FuzzResult = { runs: runs.length, slowestMs: 0, slowestWallMs: 0, crash: [], slow: [], foreign: [], nonFinite: [] };
  for (const n of runs) {
    const random = Random.derive(seed, n);
    let text = originals[Math.floor(random.next() * originals.length)]!;
    const applied: string[] = [];
    for (let k = 1 + Math.floor(random.next() * 3); k > 0; k--) {
      const name = NAMES[Math.floor(random.next() * NAMES.length)]!;
      applied.push(name);
      text = MUTATIONS[name]!(text, random);
    }
    const encoding = ENCODINGS[Math.floor(random.next() * ENCODINGS.length)]!;
    const label = `#${n} (${applied.join('+')}, ${encoding})`;
    const bytes = new Uint8Array(iconv.encode(text, encoding));
    const started = performance.now();
    const startedCpu = process.cpuUsage();
    let report;
    try {
      const read = await readSourceBytes(bytes, `fuzz-${n}.txt`);
      const readMs = performance.now() - started;
      report = parseDocument(read.doc, { file: `fuzz-${n}.txt`, sha256: String(n), format: read.format });
      onRun?.(`${label}: read ${Math.round(readMs)} ms, parse ${Math.round(performance.now() - started - readMs)} ms`);
    } catch (error) {
      // A refusal with a reason (binary, no report) is the expected answer to a ruined file.
      if ((error as { name?: string }).name !== 'ReadError') result.crash.push(`${label}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    const cpu = cpuMs(startedCpu);
    const wall = performance.now() - started;
    result.slowestMs = Math.max(result.slowestMs, cpu);
    result.slowestWallMs = Math.max(result.slowestWallMs, wall);
    if (cpu > SLOW_MS) result.slow.push(`${label}: ${Math.round(cpu)} ms CPU (${Math.round(wall)} ms wall), ${text.length} chars`);
    if (!report) continue;
    const inputDigits = text.replace(/[^\d]/gu, '');
    for (const cell of report.cells) {
      const key = `${cell.table}.${cell.row}.${cell.col}`;
      if (cell.value !== null && !Number.isFinite(cell.value)) result.nonFinite.push(`${label}: ${key} = ${cell.value}`);
      const printed = (cell.raw ?? '').replace(/[^\d]/gu, '');
      if (cell.state === 'number' && printed !== '' && !inputDigits.includes(printed)) result.foreign.push(`${label}: ${key} raw ${cell.raw}`);
    }
    for (const metric of report.metrics) {
      if (!Number.isFinite(metric.value)) result.nonFinite.push(`${label}: metric ${metric.key} = ${metric.value}`);
    }
  }
  return result;
}
