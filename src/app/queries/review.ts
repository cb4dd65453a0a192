/**
 * SQL for the review and litigation view (table 4, identical in both templates). Its headline
 * figures, trend and per-report rows are the shared measures (measures.ts), so a figure here is
 * the figure Overview, Compare and Trends show; only the composition table sums table 4 cell by cell.
 */
import { cellTotalsSql, type CellTotalRow } from './cell-totals.ts';
import { whereOrAll } from './detail.ts';
import { listLimit, listTotalColumn } from './list-head.ts';
import { measureById, selectionAggregateSql, perReportSql, type MeasureRow, type ValueState } from './measures.ts';

export const REVIEW_MEASURES = ['review_cases', 'review_corrected', 'review_correction_rate', 'lawsuits', 'litigation_correction_rate'].map(measureById);

/** What the agencies can be ranked by. */
export const REVIEW_RANK_MEASURES = ['review_cases', 'lawsuits', 'review_correction_rate'] as const;
export type ReviewRankMeasure = (typeof REVIEW_RANK_MEASURES)[number];

export interface ReviewCellRow extends CellTotalRow {
  row: 'review' | 'lit_direct' | 'lit_after_review';
}

/** Table 4 summed cell by cell over the selection (a filter condition). */
export const reviewCellsSql = (where: string): string => cellTotalsSql('t4', where);

export interface ReviewReportRow extends MeasureRow {
  review_cases: number | null;
  review_cases__state: ValueState;
  review_corrected: number | null;
  review_corrected__state: ValueState;
  /** corrected / (upheld + corrected + other): closed cases only; `__den` is the closed cases. */
  review_correction_rate: number | null;
  review_correction_rate__den: number | null;
  review_correction_rate__state: ValueState;
  /** 未经复议直接起诉 + 复议后起诉. */
  lawsuits: number | null;
  lawsuits__state: ValueState;
  litigation_correction_rate: number | null;
  litigation_correction_rate__state: ValueState;
}

/** One row per report; with `head`, the first rows only (list-head.ts). */
export function reviewReportsSql(where: string, head: number | null = null): string {
  return `${reviewRowsSql(where, listTotalColumn(head))}
ORDER BY year DESC NULLS LAST, review_cases DESC NULLS LAST, agency, id${listLimit(head)}`;
}

/** reviewReportsSql's rows in no order: what a ranking or a count reads (a sort inside a subquery is done, not dropped). */
function reviewRowsSql(where: string, extra = ''): string {
  return `SELECT * REPLACE (coalesce(synthetic, false) AS synthetic)${extra} FROM (
${perReportSql(REVIEW_MEASURES, whereOrAll(where))}
) per_report`;
}

export interface ReviewTrendRow {
  year: number;
  reports: number;
  review_cases: number | null;
  lawsuits: number | null;
  /** Σ corrected / Σ closed, over reports that give both. */
  review_correction_rate: number | null;
}

/**
 * The selection (a dated filter condition, datedReportWhere) per year, then its headline figures
 * over every year as one more row: splitTotal parts the trend from the figures.
 */
export function reviewYearsSql(where: string): string {
  return selectionAggregateSql(REVIEW_MEASURES, whereOrAll(where), [{ sql: 'year::INTEGER', as: 'year' }], { total: true });
}

/** How many reports the ranking chart shows. */
export const REVIEW_TOP = 15;

/**
 * The `limit` reports with the most of `measure`; ties go to more closed cases, then more review
 * cases, then the list's order. A correction rate counts only with at least `minClosed` closed cases.
 */
export function reviewTopSql(where: string, measure: ReviewRankMeasure, minClosed: number, limit: number): string {
  const closed = 'coalesce(review_correction_rate__den, 0)';
  const enough = measure === 'review_correction_rate' && minClosed > 1 ? ` AND ${closed} >= ${Math.trunc(minClosed)}` : '';
  return `SELECT * FROM (${reviewRowsSql(where)})
WHERE ${measure} IS NOT NULL${enough}
ORDER BY ${measure} DESC, ${closed} DESC, coalesce(review_cases, 0) DESC, year DESC NULLS LAST, review_cases DESC NULLS LAST, agency, id
LIMIT ${Math.trunc(limit)}`;
}

/** Reports the ranking leaves out: `measure` blank, missing or without a closed case. */
export function reviewUnrankedSql(where: string, measure: ReviewRankMeasure): string {
  return `SELECT count(*)::INTEGER AS n FROM (${reviewRowsSql(where)}) WHERE ${measure} IS NULL`;
}
