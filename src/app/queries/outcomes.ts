/** SQL for the applications view: table 3 over any selection of reports. */
import { cellTotalsSql, reportCellTotalsSql, type CellTotalRow } from './cell-totals.ts';
import { whereOrAll } from './detail.ts';
import { listLimit, listTotalColumn } from './list-head.ts';
import { sqlString } from './filters.ts';
import { aggregateSql, measureById, selectionAggregateSql, perReportSql, type MeasureRow } from './measures.ts';

export type OutcomeCellRow = CellTotalRow;

/** Table 3 summed cell by cell over the selection (a filter condition), （六） folded into `other_handling`. */
export const outcomeCellsSql = (where: string): string => cellTotalsSql('t3', where);

/** One report's table 3, as outcomeCellsSql gives a selection's. */
export const reportOutcomeCellsSql = (id: string): string => reportCellTotalsSql('t3', id);

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

/** One row per report: the total column's headline rows and its rates, each with its `__state`; with `head`, the first rows only (list-head.ts). */
export function outcomeReportsSql(where: string, head: number | null = null): string {
  return `SELECT * REPLACE (coalesce(synthetic, false) AS synthetic)${listTotalColumn(head)} FROM (
${perReportSql(OUTCOME_MEASURES, whereOrAll(where))}
) per_report
ORDER BY year DESC NULLS LAST, applications DESC NULLS LAST, agency, id${listLimit(head)}`;
}

/** One report's headline figures, as outcomeYearsSql's total row gives a selection's. */
export function reportOutcomeFiguresSql(id: string): string {
  return aggregateSql(OUTCOME_MEASURES, `r.id = ${sqlString(id)}`, []);
}

export interface OutcomeTrendRow {
  year: number;
  reports: number;
  applications: number | null;
  /** Pooled: Σ(granted + partial) / Σ outcome_total over reports that give all three. */
  disclosure_rate: number | null;
}

/**
 * The selection (a dated filter condition, datedReportWhere) per year, then its headline figures
 * over every year as one more row: splitTotal parts the trend from the figures.
 */
export function outcomeYearsSql(where: string): string {
  return selectionAggregateSql(OUTCOME_MEASURES, whereOrAll(where), [{ sql: 'year::INTEGER', as: 'year' }], { total: true });
}
