/** SQL for the data-quality view: every failed or uncertain check across the selection. */
import { whereOrAll } from './detail.ts';
import { SELECTION_COLUMNS, sqlString } from './filters.ts';

export interface QualityOptions {
  rule?: string | null;
  status?: 'fail' | 'uncertain' | null;
  severity?: 'hard' | 'soft' | null;
  limit?: number;
  offset?: number;
}

/** The selection's failed and uncertain checks narrowed by the options; `c` names the table of checks. */
function issueWhere(where: string, o: QualityOptions, c: string): string {
  const parts = [whereOrAll(where), `${c}.status IN ('fail', 'uncertain')`];
  if (o.rule) parts.push(`${c}.rule = ${sqlString(o.rule)}`);
  if (o.status) parts.push(`${c}.status = ${sqlString(o.status)}`);
  if (o.severity) parts.push(`${c}.severity = ${sqlString(o.severity)}`);
  return parts.join(' AND ');
}

export interface QualityIssueRow {
  report_id: string;
  agency: string | null;
  year: number | null;
  template: string | null;
  synthetic: boolean;
  rule: string;
  severity: string;
  row: string | null;
  col: string | null;
  status: 'fail' | 'uncertain';
  left: number | null;
  right: number | null;
  cells: string | null;
  note: string | null;
}

export const CHECK_ISSUES_TABLE = 'check_issues';

/**
 * Creates `check_issues`: every failed or uncertain check with its report's selection columns
 * and names, numbered in the order the view lists them (`position`: failures first, hard before
 * soft, latest year first…), so a page of the list is a filter and a LIMIT, not a sort of every
 * issue in the selection (some 290,000 at 100,000 reports).
 */
export function checkIssuesTableSql(): string {
  return `CREATE OR REPLACE TABLE ${CHECK_ISSUES_TABLE} AS
SELECT ${SELECTION_COLUMNS.map((column) => `r.${column}`).join(', ')}, c.report_id, r.agency, r.synthetic,
  c.rule, c.severity, c."row", c.col, c.status, c."left", c."right", c.cells, c.note,
  row_number() OVER (ORDER BY CASE c.status WHEN 'fail' THEN 0 ELSE 1 END, CASE c.severity WHEN 'hard' THEN 0 ELSE 1 END,
    r.year DESC NULLS LAST, r.agency, c.report_id, c.rule, c."row" NULLS FIRST, c.col NULLS FIRST) AS position
FROM checks c JOIN reports r ON r.id = c.report_id
WHERE c.status IN ('fail', 'uncertain')`;
}

export const CHECK_TOTALS_TABLE = 'check_totals';

/**
 * Creates `check_totals` from `check_issues`: the failed and uncertain checks counted per rule,
 * severity and status in each group of reports alike in every column a filter reads
 * (SELECTION_COLUMNS). A report lies in one group, so its counts add up across groups and a
 * selection's counts read a few thousand rows instead of every issue.
 */
export function checkTotalsTableSql(): string {
  return `CREATE OR REPLACE TABLE ${CHECK_TOTALS_TABLE} AS
SELECT ${SELECTION_COLUMNS.join(', ')}, rule, severity, status,
  count(*)::INTEGER AS n_checks, count(DISTINCT report_id)::INTEGER AS n_reports
FROM ${CHECK_ISSUES_TABLE}
GROUP BY ALL`;
}

/** Hard failures first; `limit`/`offset` page through the rest. */
export function qualityIssuesSql(where: string, o: QualityOptions = {}): string {
  return `SELECT r.report_id, r.agency, r.year, r.template, coalesce(r.synthetic, false) AS synthetic,
  r.rule, r.severity, r."row", r.col, r.status, r."left", r."right", r.cells, r.note
FROM ${CHECK_ISSUES_TABLE} r
WHERE ${issueWhere(where, o, 'r')}
ORDER BY r.position
LIMIT ${Math.max(1, Math.floor(o.limit ?? 200))} OFFSET ${Math.max(0, Math.floor(o.offset ?? 0))}`;
}

export function qualityIssueCountSql(where: string, o: QualityOptions = {}): string {
  return `SELECT coalesce(sum(r.n_checks), 0)::INTEGER AS n FROM ${CHECK_TOTALS_TABLE} r WHERE ${issueWhere(where, o, 'r')}`;
}

export interface QualityRuleRow {
  rule: string;
  severity: string;
  status: 'fail' | 'uncertain';
  n_checks: number;
  n_reports: number;
}

/** Failed and uncertain checks per rule, ignoring the rule/status/severity choice so the chart shows all. */
export function qualityByRuleSql(where: string): string {
  return `SELECT r.rule, r.severity, r.status, sum(r.n_checks)::INTEGER AS n_checks, sum(r.n_reports)::INTEGER AS n_reports
FROM ${CHECK_TOTALS_TABLE} r
WHERE ${issueWhere(where, {}, 'r')}
GROUP BY 1, 2, 3 ORDER BY 2, 1, 3`;
}

export interface QualityStatesRow {
  n_reports: number;
  n_reports_failing: number;
  n_number: number;
  n_blank: number;
  n_inferred: number;
  n_missing: number;
}

/** How the selection's cells were read: printed, blank, inferred by arithmetic, missing. */
export function qualityStatesSql(where: string): string {
  return `SELECT count(*)::INTEGER AS n_reports,
  count(*) FILTER (WHERE coalesce(r.failed_hard, 0) + coalesce(r.failed_soft, 0) > 0)::INTEGER AS n_reports_failing,
  coalesce(sum(r.n_number), 0)::INTEGER AS n_number, coalesce(sum(r.n_blank), 0)::INTEGER AS n_blank,
  coalesce(sum(r.n_inferred), 0)::INTEGER AS n_inferred, coalesce(sum(r.n_missing), 0)::INTEGER AS n_missing
FROM reports r WHERE ${whereOrAll(where)}`;
}

export interface SeriesRow {
  agency_id: string;
  agency: string;
  year: number;
  status: 'report' | 'no_tables' | 'no_report' | 'several';
  report_id: string | null;
  failed_hard: number | null;
  cross_failed: number;
}

/** The table `agencySeriesTableSql` creates. */
export const AGENCY_SERIES_TABLE = 'agency_series';

/**
 * Creates `agency_series`: each agency's years (agency_years) with the year's report's failed
 * hard checks and failed cross-year checks. None of it depends on a filter, so a filter change
 * joins nothing but picks agencies (seriesSql).
 */
export function agencySeriesTableSql(): string {
  return `CREATE OR REPLACE TABLE ${AGENCY_SERIES_TABLE} AS
WITH cross_failures AS (
  SELECT report_id, count(*)::INTEGER AS n FROM ${CHECK_ISSUES_TABLE} WHERE rule LIKE 'x.%' AND status = 'fail' GROUP BY report_id
)
SELECT y.agency_id, y.agency, y."year", y.status, y.report_id, r.failed_hard, coalesce(x.n, 0)::INTEGER AS cross_failed
FROM agency_years y LEFT JOIN reports r ON r.id = y.report_id LEFT JOIN cross_failures x ON x.report_id = y.report_id
ORDER BY y.agency_id, y."year"`;
}

/**
 * Each selected agency's years: report or not, its failed hard checks and failed cross-year
 * checks. Agencies with a gap or a cross-year failure come first; at most `agencies` of them.
 */
export function seriesSql(where: string, agencies = 40): string {
  return `WITH years AS (
  SELECT * FROM ${AGENCY_SERIES_TABLE}
  WHERE agency_id IN (SELECT r.agency_id FROM reports r WHERE ${whereOrAll(where)})
),
ranked AS (
  SELECT agency_id, max(CASE WHEN status <> 'report' OR cross_failed > 0 THEN 1 ELSE 0 END) AS notable, max(agency) AS name
  FROM years GROUP BY agency_id ORDER BY notable DESC, name, agency_id LIMIT ${Math.max(1, Math.floor(agencies))}
)
SELECT y.* FROM years y JOIN ranked k USING (agency_id) ORDER BY k.notable DESC, k.name, k.agency_id, y."year"`;
}
