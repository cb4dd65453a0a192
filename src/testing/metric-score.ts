/**
 * Scores the narrative metrics the parser finds against the hand-read truth in
 * data/truth/narrative/ (see its README): found = a truth figure the parser gives under its key
 * (or an alternative key), with its value and, for new media, its platform; wrong = a parser
 * figure that matches no truth figure of its report, or names another account than the truth.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import * as aq from 'arquero';
import { op } from 'arquero';
import type { Metric, MetricKey } from '../model/report.ts';

export interface TruthMetric {
  key: MetricKey;
  value: number;
  unit: string | null;
  approx: boolean;
  period_kind: 'annual' | 'cumulative';
  platform?: string;
  account?: string;
  alt_keys?: MetricKey[];
  evidence: string;
}

export interface NarrativeTruth {
  file: string;
  split: 'tuning' | 'heldout';
  metrics: TruthMetric[];
  declined: { text: string; why: string }[];
}

export function readNarrativeTruth(truthDir: string): NarrativeTruth[] {
  const split = new Map(
    readFileSync(path.join(truthDir, 'SPLIT.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t') as [string, string]),
  );
  return readdirSync(truthDir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const truth = JSON.parse(readFileSync(path.join(truthDir, f), 'utf8')) as Omit<NarrativeTruth, 'split'>;
    const part = split.get(truth.file);
    if (part !== 'tuning' && part !== 'heldout') throw new Error(`${f}: ${truth.file} is not in SPLIT.tsv`);
    return { ...truth, declined: truth.declined ?? [], split: part };
  });
}

export interface MetricOutcome {
  file: string;
  key: MetricKey;
  kind: 'found' | 'missed' | 'wrong';
  /** For a found figure: the parser gave it the truth's period (annual or cumulative). */
  samePeriod?: boolean;
  value: number;
  account?: string;
  evidence: string;
}

const SAME = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const bare = (account: string | undefined) => (account ?? '').replace(/[“”"「」《》\s]/gu, '');

function accountsAgree(truth: TruthMetric, found: Metric, truthOfReport: TruthMetric[]): boolean {
  if (!truth.platform) return true;
  if (found.platform !== truth.platform) return false;
  const namesakes = new Set(truthOfReport.filter((t) => t.platform === truth.platform).map((t) => bare(t.account)));
  if (namesakes.size <= 1) return true;
  const a = bare(truth.account);
  const b = bare(found.account);
  return a !== '' && b !== '' && (a.includes(b) || b.includes(a));
}

/** Match one report's parser metrics against its truth. */
export function scoreReport(truth: NarrativeTruth, found: readonly Metric[]): MetricOutcome[] {
  const outcomes: MetricOutcome[] = [];
  const used = new Set<number>();
  for (const t of truth.metrics) {
    const keys = [t.key, ...(t.alt_keys ?? [])];
    const index = found.findIndex((m, i) => !used.has(i) && keys.includes(m.key) && SAME(m.value, t.value) && accountsAgree(t, m, truth.metrics));
    if (index >= 0) used.add(index);
    outcomes.push({
      file: truth.file, key: t.key, kind: index >= 0 ? 'found' : 'missed', value: t.value, account: t.account, evidence: t.evidence,
      ...(index >= 0 ? { samePeriod: (found[index].period_kind ?? 'annual') === t.period_kind } : {}),
    });
  }
  found.forEach((m, i) => {
    if (used.has(i)) return;
    // The same figure stated twice (or under an alternative key) is not wrong a second time.
    const restated = truth.metrics.some((t) => [t.key, ...(t.alt_keys ?? [])].includes(m.key) && SAME(m.value, t.value) && accountsAgree(t, m, truth.metrics));
    if (!restated) outcomes.push({ file: truth.file, key: m.key, kind: 'wrong', value: m.value, account: m.account, evidence: m.evidence });
  });
  return outcomes;
}

export interface KeyScore {
  truth: number;
  found: number;
  wrong: number;
  samePeriod: number;
}

export function tally(outcomes: readonly MetricOutcome[]): Map<MetricKey | 'all', KeyScore> {
  const rows = aq.from(outcomes.map((o) => ({ key: o.key, kind: o.kind, samePeriod: o.samePeriod === true })));
  const score = {
    truth: (d: { kind: string }) => op.sum(d.kind !== 'wrong' ? 1 : 0),
    found: (d: { kind: string }) => op.sum(d.kind === 'found' ? 1 : 0),
    wrong: (d: { kind: string }) => op.sum(d.kind === 'wrong' ? 1 : 0),
    samePeriod: (d: { samePeriod: boolean }) => op.sum(d.samePeriod ? 1 : 0),
  };
  const scores = new Map<MetricKey | 'all', KeyScore>();
  if (outcomes.length === 0) return scores;
  for (const r of rows.groupby('key').rollup(score).objects() as (KeyScore & { key: MetricKey })[]) {
    scores.set(r.key, { truth: r.truth, found: r.found, wrong: r.wrong, samePeriod: r.samePeriod });
  }
  const [all] = rows.rollup(score).objects() as KeyScore[];
  scores.set('all', { truth: all!.truth, found: all!.found, wrong: all!.wrong, samePeriod: all!.samePeriod });
  return scores;
}
