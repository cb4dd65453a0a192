/** SQL for the review and litigation view (table 4, identical in both templates). */
import { whereOrAll } from './detail.ts';

export interface ReviewCellRow {
  row: 'review' | 'lit_direct' | 'lit_after_review';
  col: string;
  value: number | null;
  n_reported: number;
  n_empty: number;
}

/** Table 4 summed cell by cell over the selection. */
export function reviewCellsSql(where: string): string {
  return `WITH sel AS (SELECT r.id FROM reports r WHERE ${whereOrAll(where)})
SELECT c."row", c.col, sum(c.value)::DOUBLE AS value,
  count(DISTINCT CASE WHEN c.value IS NOT NULL THEN c.report_id END)::INTEGER AS n_reported,
  count(DISTINCT CASE WHEN c.value IS NULL THEN c.report_id END)::INTEGER AS n_empty
FROM cells c JOIN sel ON sel.id = c.report_id
WHERE c."table" = 't4'
GROUP BY 1, 2`;
}

const groupColumns = (group: string, alias: string) =>
  ['upheld', 'corrected', 'other', 'pending', 'total']
    .map((col) => `max(c.value) FILTER (WHERE c."row" = '${group}' AND c.col = '${col}') AS ${alias}_${col}`)
    .join(',\n    ');

export interface ReviewReportRow {
  id: string;
  agency: string | null;
  region: string | null;
  year: number | null;
  template: string | null;
  synthetic: boolean;
  review_upheld: number | null;
  review_corrected: number | null;
  review_other: number | null;
  review_pending: number | null;
  review_total: number | null;
  /** 未经复议直接起诉 + 复议后起诉, per column; null if either is empty. */
  lit_upheld: number | null;
  lit_corrected: number | null;
  lit_other: number | null;
  lit_pending: number | null;
  lit_total: number | null;
  /** corrected / (upheld + corrected + other): closed cases only. */
  review_correction_rate: number | null;
  lit_correction_rate: number | null;
}

export function reviewReportsSql(where: string): string {
  return `WITH sel AS (SELECT r.id, r.agency, r.region, r.year, r.template, r.synthetic FROM reports r WHERE ${whereOrAll(where)}),
t AS (
  SELECT c.report_id,
    ${groupColumns('review', 'review')},
    ${groupColumns('lit_direct', 'direct')},
    ${groupColumns('lit_after_review', 'after')}
  FROM cells c JOIN sel ON sel.id = c.report_id
  WHERE c."table" = 't4'
  GROUP BY c.report_id)
SELECT sel.id, sel.agency, sel.region, sel.year, sel.template, coalesce(sel.synthetic, false) AS synthetic,
  review_upheld, review_corrected, review_other, review_pending, review_total,
  direct_upheld + after_upheld AS lit_upheld, direct_corrected + after_corrected AS lit_corrected,
  direct_other + after_other AS lit_other, direct_pending + after_pending AS lit_pending, direct_total + after_total AS lit_total,
  CASE WHEN review_upheld + review_corrected + review_other > 0 THEN review_corrected / (review_upheld + review_corrected + review_other) END AS review_correction_rate,
  CASE WHEN direct_upheld + after_upheld + direct_corrected + after_corrected + direct_other + after_other > 0
    THEN (direct_corrected + after_corrected) / (direct_upheld + after_upheld + direct_corrected + after_corrected + direct_other + after_other) END AS lit_correction_rate
FROM sel LEFT JOIN t ON t.report_id = sel.id
ORDER BY sel.year DESC NULLS LAST, review_total DESC NULLS LAST, sel.agency, sel.id`;
}

export interface ReviewTrendRow {
  year: number;
  n_reports: number;
  review_total: number | null;
  lit_total: number | null;
  review_corrected: number | null;
  review_closed: number | null;
  /** Σ corrected / Σ (upheld + corrected + other), over reports that print all three. */
  review_correction_rate: number | null;
}

export function reviewTrendSql(where: string): string {
  return `SELECT year, count(*)::INTEGER AS n_reports, sum(review_total)::DOUBLE AS review_total, sum(lit_total)::DOUBLE AS lit_total,
  sum(review_corrected) FILTER (WHERE review_upheld + review_other IS NOT NULL)::DOUBLE AS review_corrected,
  sum(review_upheld + review_corrected + review_other)::DOUBLE AS review_closed,
  sum(review_corrected) FILTER (WHERE review_upheld + review_other IS NOT NULL) / nullif(sum(review_upheld + review_corrected + review_other), 0) AS review_correction_rate
FROM (${reviewReportsSql(where)}) per_report
WHERE year IS NOT NULL
GROUP BY year ORDER BY year`;
}
