/**
 * SQL for the procurement view. Table 2 （九）政府集中采购 exists only in the templates that print
 * it (the 2019 one, for 2019–2020 reports); reports of the others have no such cells, which is
 * "not applicable", never 0. Narrative amounts (metric `procurement_amount`, 万元) can come from
 * any template.
 */
import { templatesWithCells } from '../../model/templates/index.ts';
import { whereOrAll } from './detail.ts';
import { listLimit, listTotalColumn } from './list-head.ts';
import { BY_YEAR_AND_LEVEL, REPORT_ROW_COLUMNS, sqlString } from './filters.ts';

/** `template IN (…)` of the versions whose table 2 has （九）. */
const APPLICABLE = `IN (${templatesWithCells(['t2.centralized_procurement.procurement_amount']).map((t) => sqlString(t.id)).join(', ')})`;

export interface ProcurementReportRow {
  id: string;
  agency: string | null;
  region: string | null;
  year: number | null;
  template: string | null;
  synthetic: boolean;
  /** True when the report's template has table 2 （九）. */
  applicable: boolean;
  projects: number | null;
  projects_state: string | null;
  /** 万元. */
  amount: number | null;
  amount_state: string | null;
  amount_raw: string | null;
  /** Narrative 采购金额 in 万元, summed when a report states several. */
  narrative_amount: number | null;
  narrative_evidence: string | null;
}

export const REPORT_PROCUREMENT_TABLE = 'report_procurement';

/**
 * Creates `report_procurement`: one row per report, with its REPORT_ROW_COLUMNS, whether its
 * template has table 2 （九） (`applicable`), that table's figures with their states, and the
 * narrative amounts summed. It depends on nothing a filter chooses, so it is derived once
 * (derived.ts).
 */
export function reportProcurementTableSql(): string {
  return `CREATE OR REPLACE TABLE ${REPORT_PROCUREMENT_TABLE} AS
WITH t AS (
  SELECT c.report_id,
    max(c.value) FILTER (WHERE c.col = 'procurement_projects') AS projects,
    max(c.state) FILTER (WHERE c.col = 'procurement_projects') AS projects_state,
    max(c.value) FILTER (WHERE c.col = 'procurement_amount') AS amount,
    max(c.state) FILTER (WHERE c.col = 'procurement_amount') AS amount_state,
    max(c.raw) FILTER (WHERE c.col = 'procurement_amount') AS amount_raw
  FROM cells c
  WHERE c."table" = 't2' AND c."row" = 'centralized_procurement'
  GROUP BY c.report_id),
n AS (
  SELECT m.report_id, sum(m.value) AS narrative_amount, string_agg(m.evidence, ' / ') AS narrative_evidence
  FROM metrics m
  WHERE m."key" = 'procurement_amount'
  GROUP BY m.report_id)
SELECT r.id, ${REPORT_ROW_COLUMNS.map((c) => `r.${c}`).join(', ')},
  r.template ${APPLICABLE} AS applicable,
  t.projects, t.projects_state, t.amount, t.amount_state, t.amount_raw, n.narrative_amount, n.narrative_evidence
FROM reports r LEFT JOIN t ON t.report_id = r.id LEFT JOIN n ON n.report_id = r.id
${BY_YEAR_AND_LEVEL}`;
}

/** What the view lists: reports whose template has table 2 （九）, and any other report that states a narrative procurement amount. */
const LISTED = '(r.applicable OR r.narrative_amount IS NOT NULL)';

/** The listed reports passing `where`; with `head`, the first rows only (list-head.ts). */
export function procurementReportsSql(where: string, head: number | null = null): string {
  return `SELECT r.id, r.agency, r.region, r.year, r.template, coalesce(r.synthetic, false) AS synthetic, r.applicable,
  r.projects, r.projects_state, r.amount, r.amount_state, r.amount_raw, r.narrative_amount, r.narrative_evidence${listTotalColumn(head)}
FROM ${REPORT_PROCUREMENT_TABLE} r
WHERE (${whereOrAll(where)}) AND ${LISTED}
ORDER BY r.year DESC NULLS LAST, coalesce(r.amount, r.narrative_amount) DESC NULLS LAST, r.agency, r.id${listLimit(head)}`;
}

export interface ProcurementTrendRow {
  year: number;
  /** Reports in the selection that year, of either template. */
  n_reports: number;
  /** Of those, reports whose template has table 2 （九）. */
  n_applicable: number;
  n_with_amount: number;
  /** Null when no report that year has the table (2021 template): not applicable, not 0. */
  amount: number | null;
  projects: number | null;
  narrative_amount: number | null;
  n_with_narrative: number;
}

/** Per year: every report passing `where` (`n_reports`), and the figures summed over the listed ones. */
export function procurementTrendSql(where: string): string {
  return `SELECT r.year, count(*)::INTEGER AS n_reports,
  count(*) FILTER (WHERE r.applicable)::INTEGER AS n_applicable,
  count(r.amount) FILTER (WHERE ${LISTED})::INTEGER AS n_with_amount,
  (sum(r.amount) FILTER (WHERE ${LISTED}))::DOUBLE AS amount, (sum(r.projects) FILTER (WHERE ${LISTED}))::DOUBLE AS projects,
  (sum(r.narrative_amount) FILTER (WHERE ${LISTED}))::DOUBLE AS narrative_amount, count(r.narrative_amount) FILTER (WHERE ${LISTED})::INTEGER AS n_with_narrative
FROM ${REPORT_PROCUREMENT_TABLE} r
WHERE (${whereOrAll(where)}) AND r.year IS NOT NULL
GROUP BY r.year ORDER BY r.year`;
}

export interface ProcurementFiguresRow {
  /** Reports whose template has table 2 （九）. */
  n_applicable: number;
  /** Of those, reports that give an amount. */
  n_with_amount: number;
  /** Σ table 2 amounts (万元) over the reports that give one; null when none does. */
  table_amount: number | null;
  table_projects: number | null;
  /** Σ amounts stated in the text, over every listed report; null when none states one. */
  narrative_amount: number | null;
}

/** The view's headline figures over the reports procurementReportsSql lists, in one row. */
export function procurementFiguresSql(where: string): string {
  return `SELECT count(*) FILTER (WHERE p.applicable)::INTEGER AS n_applicable,
  count(p.amount) FILTER (WHERE p.applicable)::INTEGER AS n_with_amount,
  (sum(p.amount) FILTER (WHERE p.applicable))::DOUBLE AS table_amount,
  (sum(p.projects) FILTER (WHERE p.applicable))::DOUBLE AS table_projects,
  sum(p.narrative_amount)::DOUBLE AS narrative_amount
FROM (${procurementReportsSql(where)}) p`;
}

/** How many reports the ranking chart shows. */
export const PROCUREMENT_TOP = 15;

/** The `limit` reports with the largest table 2 amounts (ties in the list's order). */
export function procurementTopSql(where: string, limit: number): string {
  return `SELECT * FROM (${procurementReportsSql(where)})
WHERE applicable AND amount IS NOT NULL
ORDER BY amount DESC, year DESC NULLS LAST, agency, id
LIMIT ${Math.trunc(limit)}`;
}
