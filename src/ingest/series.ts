/**
 * Each agency's reports as a series over the years: which years have a report (and whether it
 * holds any table), and the checks that link one year to the next (docs/domain.md §7.1 rule 5,
 * §7.3 rule 12). Computed over the whole dataset, after every report is parsed.
 */
import type { CheckResult, ParsedReport } from '../model/report.ts';
import { T3_COL_KEYS } from '../model/templates/index.ts';

export interface SeriesReport {
  id: string;
  agencyId: string | null;
  agency: string | null;
  year: number | null;
  synthetic: boolean;
  hasTables: boolean;
  /** Cell values by key (t3.carried_over_in.total …); null = printed blank or not read. */
  values: ReadonlyMap<string, number | null>;
}

export type YearStatus = 'report' | 'no_tables' | 'no_report' | 'several';

export interface AgencyYear {
  agencyId: string;
  agency: string;
  year: number;
  reportId: string | null;
  status: YearStatus;
  synthetic: boolean;
}

const LINKED_KEYS = [
  ...T3_COL_KEYS.flatMap((col) => [`t3.carried_over_in.${col}`, `t3.carried_over_out.${col}`]),
  ...['regulations', 'normative_documents'].flatMap((row) => ['currently_valid', 'issued', 'repealed'].map((col) => `t2.${row}.${col}`)),
];

export function seriesReport(report: ParsedReport, synthetic: boolean): SeriesReport {
  const values = new Map<string, number | null>();
  for (const cell of report.cells) {
    const key = `${cell.table}.${cell.row}.${cell.col}`;
    if (LINKED_KEYS.includes(key)) values.set(key, cell.value);
  }
  return {
    id: report.source.sha256, agencyId: report.agency.id ?? report.agency.name, agency: report.agency.name,
    year: report.year, synthetic, hasTables: report.cells.length > 0, values,
  };
}

/**
 * Every agency's years from its first report to the last year of the dataset, and the checks
 * between consecutive years that both have exactly one report with tables.
 */
export function analyseSeries(reports: readonly SeriesReport[]): { years: AgencyYear[]; checks: { reportId: string; check: CheckResult }[] } {
  const byAgency = new Map<string, SeriesReport[]>();
  let lastYear = -Infinity;
  for (const report of reports) {
    if (report.agencyId === null || report.year === null) continue;
    lastYear = Math.max(lastYear, report.year);
    byAgency.set(report.agencyId, [...(byAgency.get(report.agencyId) ?? []), report]);
  }
  const years: AgencyYear[] = [];
  const checks: { reportId: string; check: CheckResult }[] = [];
  for (const [agencyId, list] of [...byAgency].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const latest = [...list].sort((a, b) => b.year! - a.year!)[0];
    const first = Math.min(...list.map((r) => r.year!));
    let previous: SeriesReport | null = null;
    for (let year = first; year <= lastYear; year++) {
      const those = list.filter((r) => r.year === year);
      const only = those.length === 1 ? those[0] : null;
      const status: YearStatus = those.length === 0 ? 'no_report' : those.length > 1 ? 'several' : only!.hasTables ? 'report' : 'no_tables';
      years.push({ agencyId, agency: (only ?? latest).agency ?? agencyId, year, reportId: only?.id ?? null, status, synthetic: latest.synthetic });
      if (status === 'report' && previous) checks.push(...linkChecks(previous, only!).map((check) => ({ reportId: only!.id, check })));
      previous = status === 'report' ? only : null;
    }
  }
  return { years, checks };
}

function linkChecks(before: SeriesReport, after: SeriesReport): CheckResult[] {
  const out: CheckResult[] = [];
  const note = `${before.year} → ${after.year}`;
  for (const col of T3_COL_KEYS) {
    const carriedIn = after.values.get(`t3.carried_over_in.${col}`);
    const carriedOut = before.values.get(`t3.carried_over_out.${col}`);
    if (carriedIn === undefined || carriedOut === undefined) continue;
    const uncertain = carriedIn === null || carriedOut === null;
    out.push({
      rule: 'x.carried_over', row: 'carried_over_in', col,
      status: uncertain ? 'uncertain' : carriedIn === carriedOut ? 'pass' : 'fail',
      left: carriedIn, right: carriedOut, cells: [`t3.carried_over_in.${col}`], note: `${note}: ${before.year} 结转下年度 = ${carriedOut ?? '—'}`,
    });
  }
  for (const row of ['regulations', 'normative_documents']) {
    const valid = after.values.get(`t2.${row}.currently_valid`);
    const validBefore = before.values.get(`t2.${row}.currently_valid`);
    const issued = after.values.get(`t2.${row}.issued`);
    const repealed = after.values.get(`t2.${row}.repealed`);
    if (valid === undefined || validBefore === undefined || issued === undefined || repealed === undefined) continue;
    const operands = [valid, validBefore, issued, repealed];
    const expected = operands.some((v) => v === null) ? null : validBefore! + issued! - repealed!;
    out.push({
      rule: 'x.valid_stock', row, col: 'currently_valid',
      status: expected === null ? 'uncertain' : valid === expected ? 'pass' : 'fail',
      left: valid, right: expected, cells: [`t2.${row}.currently_valid`, `t2.${row}.issued`, `t2.${row}.repealed`],
      note: `${note}: ${validBefore ?? '—'} + ${issued ?? '—'} − ${repealed ?? '—'}`,
    });
  }
  return out;
}
