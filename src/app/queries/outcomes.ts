/** SQL for the applications view: table 3 over any selection of reports. */
import { OTHER_ROWS } from '../../model/templates/index.ts';
import { whereOrAll } from './detail.ts';

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

export interface OutcomeReportRow {
  id: string;
  agency: string | null;
  region: string | null;
  year: number | null;
  template: string | null;
  synthetic: boolean;
  new_received: number | null;
  carried_over_in: number | null;
  granted: number | null;
  partially_granted: number | null;
  unable_not_held: number | null;
  outcome_total: number | null;
  carried_over_out: number | null;
  /** (granted + partially_granted) / outcome_total; null when an operand is empty or the total is 0. */
  disclosure_rate: number | null;
  /** unable_not_held / outcome_total. */
  not_held_share: number | null;
}

/** One row per report: the total column's headline rows and its rates. */
export function outcomeReportsSql(where: string): string {
  return `WITH sel AS (SELECT r.id, r.agency, r.region, r.year, r.template, r.synthetic FROM reports r WHERE ${whereOrAll(where)}),
t AS (
  SELECT c.report_id,
    max(c.value) FILTER (WHERE c."row" = 'new_received') AS new_received,
    max(c.value) FILTER (WHERE c."row" = 'carried_over_in') AS carried_over_in,
    max(c.value) FILTER (WHERE c."row" = 'granted') AS granted,
    max(c.value) FILTER (WHERE c."row" = 'partially_granted') AS partially_granted,
    max(c.value) FILTER (WHERE c."row" = 'unable_not_held') AS unable_not_held,
    max(c.value) FILTER (WHERE c."row" = 'outcome_total') AS outcome_total,
    max(c.value) FILTER (WHERE c."row" = 'carried_over_out') AS carried_over_out
  FROM cells c JOIN sel ON sel.id = c.report_id
  WHERE c."table" = 't3' AND c.col = 'total'
  GROUP BY c.report_id)
SELECT sel.id, sel.agency, sel.region, sel.year, sel.template, coalesce(sel.synthetic, false) AS synthetic,
  t.new_received, t.carried_over_in, t.granted, t.partially_granted, t.unable_not_held, t.outcome_total, t.carried_over_out,
  CASE WHEN t.outcome_total > 0 THEN (t.granted + t.partially_granted) / t.outcome_total END AS disclosure_rate,
  CASE WHEN t.outcome_total > 0 THEN t.unable_not_held / t.outcome_total END AS not_held_share
FROM sel LEFT JOIN t ON t.report_id = sel.id
ORDER BY sel.year DESC NULLS LAST, t.new_received DESC NULLS LAST, sel.agency, sel.id`;
}

export interface OutcomeTrendRow {
  year: number;
  n_reports: number;
  new_received: number | null;
  granted_or_partial: number | null;
  outcome_total: number | null;
  /** Pooled: Σ(granted + partial) / Σ outcome_total over reports where all three are printed. */
  disclosure_rate: number | null;
}

export function outcomeTrendSql(where: string): string {
  return `SELECT year, count(*)::INTEGER AS n_reports, sum(new_received)::DOUBLE AS new_received,
  sum(granted + partially_granted)::DOUBLE AS granted_or_partial, sum(outcome_total)::DOUBLE AS outcome_total,
  sum(granted + partially_granted) FILTER (WHERE outcome_total IS NOT NULL) / nullif(sum(outcome_total) FILTER (WHERE granted + partially_granted IS NOT NULL), 0) AS disclosure_rate
FROM (${outcomeReportsSql(where)}) per_report
WHERE year IS NOT NULL
GROUP BY year ORDER BY year`;
}
