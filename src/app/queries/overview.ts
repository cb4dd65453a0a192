/** SQL for the Overview: dataset size, headline figures by year, and arithmetic failures. */
import { CHECK_TOTALS_TABLE } from './quality.ts';
import { measureById, selectionAggregateSql, type Measure } from './measures.ts';

export interface OverviewCounts {
  reports: number;
  agencies: number;
  years: number;
  first_year: number | null;
  last_year: number | null;
  failing_hard: number;
  failing_soft: number;
  synthetic: number;
}

export function countsSql(where: string): string {
  return `SELECT count(*)::INTEGER AS reports, count(DISTINCT r.agency)::INTEGER AS agencies, count(DISTINCT r.year)::INTEGER AS years,
  min(r.year)::INTEGER AS first_year, max(r.year)::INTEGER AS last_year,
  count(*) FILTER (WHERE r.failed_hard > 0)::INTEGER AS failing_hard,
  count(*) FILTER (WHERE r.failed_soft > 0)::INTEGER AS failing_soft,
  count(*) FILTER (WHERE r.synthetic)::INTEGER AS synthetic
FROM reports r WHERE ${where}`;
}

export interface ReportsByYearRow {
  year: number;
  template: string | null;
  reports: number;
}

export function reportsByYearSql(where: string): string {
  return `SELECT r.year::INTEGER AS year, r.template, count(*)::INTEGER AS reports
FROM reports r WHERE ${where} AND r.year IS NOT NULL
GROUP BY 1, 2 ORDER BY 1, 2`;
}

/** The headline figures shown with their change on the previous year. */
export const HEADLINE_MEASURES: readonly Measure[] = ['applications', 'disclosure_rate', 'not_held_share', 'review_cases', 'review_correction_rate', 'lawsuits'].map(measureById);

export function headlineByYearSql(where: string): string {
  return selectionAggregateSql(HEADLINE_MEASURES, `${where} AND r.year IS NOT NULL`, [{ sql: 'year::INTEGER', as: 'year' }]);
}

export interface FailedRuleRow {
  rule: string;
  severity: string;
  reports: number;
}

export function failedRulesSql(where: string): string {
  return `SELECT r.rule, r.severity, sum(r.n_reports)::INTEGER AS reports
FROM ${CHECK_TOTALS_TABLE} r
WHERE r.status = 'fail' AND ${where}
GROUP BY 1, 2 ORDER BY reports DESC, r.rule`;
}

export interface FailingReportRow {
  id: string;
  agency: string | null;
  year: number | null;
  synthetic: boolean;
  failed_hard: number;
  failed_soft: number;
}

export function failingReportsSql(where: string, limit: number): string {
  return `SELECT r.id, r.agency, r.year::INTEGER AS year, r.synthetic, r.failed_hard::INTEGER AS failed_hard, r.failed_soft::INTEGER AS failed_soft
FROM reports r WHERE ${where} AND r.failed_hard > 0
ORDER BY r.failed_hard DESC, r.year DESC, r.agency, r.id
LIMIT ${Math.trunc(limit)}`;
}

export const FAILING_LIST_LIMIT = 12;

/** Everything the Overview draws, in one answer. */
export interface OverviewData {
  counts: OverviewCounts;
  byYear: ReportsByYearRow[];
  headline: Record<string, number | null>[];
  failedRules: FailedRuleRow[];
  failing: FailingReportRow[];
}

export async function overviewData(run: <T>(sql: string) => Promise<T[]>, where: string): Promise<OverviewData> {
  const [counts, byYear, headline, failedRules, failing] = await Promise.all([
    run<OverviewCounts>(countsSql(where)),
    run<ReportsByYearRow>(reportsByYearSql(where)),
    run<Record<string, number | null>>(headlineByYearSql(where)),
    run<FailedRuleRow>(failedRulesSql(where)),
    run<FailingReportRow>(failingReportsSql(where, FAILING_LIST_LIMIT)),
  ]);
  return { counts: counts[0], byYear, headline, failedRules, failing };
}
