/** SQL for the applications view: table 3 over any selection of reports. */
import { OTHER_ROWS } from '../../model/templates/index.ts';
import { whereOrAll } from './detail.ts';
import { aggregateSql, measureById, perReportSql, type MeasureRow } from './measures.ts';

/** （六）其他处理 printed as one row or as three, compared as one. */
const OTHER_ROWS_SQL = [...OTHER_ROWS.combined, ...OTHER_ROWS.split].map((r) => `'${r}'`).join(', ');

export interface OutcomeCellRow {
  row: string;
  col: string;
  /** Sum over the reports that printed a figure; null when none did. */
  value: number | null;
  n_reported: number;
  /** Reports whose cell is blank or missing: the sum leaves them out, it does not count them as 0. */
  n_empty: number;
}

/** Table 3 summed cell by cell over the selection, （六） folded into `other_handling`. */
export function outcomeCellsSql(where: string): string {
  return `WITH sel AS (SELECT r.id FROM reports r WHERE ${whereOrAll(where)})
SELECT CASE WHEN c."row" IN (${OTHER_ROWS_SQL}) THEN 'other_handling' ELSE c."row" END AS "row", c.col,
  sum(c.value)::DOUBLE AS value,
  count(DISTINCT CASE WHEN c.value IS NOT NULL THEN c.report_id END)::INTEGER AS n_reported,
  count(DISTINCT CASE WHEN c.value IS NULL THEN c.report_id END)::INTEGER AS n_empty
FROM cells c JOIN sel ON sel.id = c.report_id
WHERE c."table" = 't3'
GROUP BY 1, 2`;
}

/** The view's per-report columns, headline figures and trend: the shared measures. */
export const OUTCOME_MEASURES = ['applications', 'carried_over_in', 'outcomes', 'carried_over_out', 'granted', 'partially_granted', 'disclosure_rate', 'not_held_share'].map(measureById);

export interface OutcomeReportRow extends MeasureRow {
  applications: number | null;
  granted: number | null;
  partially_granted: number | null;
  outcomes: number | null;
  /** (granted + partially_granted) / outcome_total; null when an operand is empty or the total is 0. */
  disclosure_rate: number | null;
  /** unable_not_held / outcome_total. */
  not_held_share: number | null;
}

/** One row per report: the total column's headline rows and its rates, each with its `__state`. */
export function outcomeReportsSql(where: string): string {
  return `SELECT * REPLACE (coalesce(synthetic, false) AS synthetic) FROM (
${perReportSql(OUTCOME_MEASURES, whereOrAll(where))}
) per_report
ORDER BY year DESC NULLS LAST, applications DESC NULLS LAST, agency, id`;
}

/** The selection's headline figures: one row of aggregateSql over OUTCOME_MEASURES. */
export function outcomeFiguresSql(where: string): string {
  return aggregateSql(OUTCOME_MEASURES, whereOrAll(where), []);
}

export interface OutcomeTrendRow {
  year: number;
  reports: number;
  applications: number | null;
  /** Pooled: Σ(granted + partial) / Σ outcome_total over reports that give all three. */
  disclosure_rate: number | null;
}

export function outcomeTrendSql(where: string): string {
  return aggregateSql(OUTCOME_MEASURES, `${whereOrAll(where)} AND r.year IS NOT NULL`, [{ sql: 'year::INTEGER', as: 'year' }]);
}
