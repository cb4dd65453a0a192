/** Chart options for the review and litigation view (table 4). */
import type { ChartOption } from './echarts.ts';
import { countsAndRateByYearOption } from './year-trend.ts';
import { T4_COL_KEYS } from '../../model/templates/index.ts';
import { formatNumber, formatPercent, type Lang } from '../format.ts';
import { colName, rowName } from '../i18n/labels.ts';
import type { ReviewCellRow, ReviewReportRow, ReviewTrendRow } from '../queries/review.ts';
import { tooltipHtml } from './tooltip.ts';
import { agencyAxisLabel } from './agency-labels.ts';

export const T4_GROUPS = ['review', 'lit_direct', 'lit_after_review'] as const;
const RESULT_COLS = T4_COL_KEYS.filter((c) => c !== 'total');

const RESULT_COLORS: Record<string, string> = { upheld: '#5b7db1', corrected: '#c0504d', other: '#9e9e9e', pending: '#e3a33b' };

export const resultLabel = (col: string, lang: Lang): string => colName('t4', col, lang);
export const groupLabel = (group: string, lang: Lang): string => rowName('t4', group, lang);

/** One bar per case type (review, direct lawsuit, lawsuit after review), stacked by result. */
export function reviewResultsOption(cells: readonly ReviewCellRow[], opts: { lang: Lang }): ChartOption {
  const { lang } = opts;
  const valueOf = (row: string, col: string) => cells.find((c) => c.row === row && c.col === col)?.value ?? null;
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => formatNumber(v as number | null, lang, 'blank') },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { hideOverlap: true, formatter: (v: number) => formatNumber(v, lang) } },
    yAxis: { type: 'category', inverse: true, data: T4_GROUPS.map((g) => groupLabel(g, lang)), axisLabel: { width: 96, overflow: 'break' } },
    series: RESULT_COLS.map((col) => ({
      type: 'bar' as const,
      name: resultLabel(col, lang),
      stack: 'result',
      itemStyle: { color: RESULT_COLORS[col] },
      data: T4_GROUPS.map((g) => valueOf(g, col)),
    })),
  };
}

const TREND_TEXT = {
  review: { zh: '行政复议', en: 'Reviews' },
  lit: { zh: '行政诉讼', en: 'Lawsuits' },
  rate: { zh: '复议纠正率', en: 'Review correction rate' },
};

/** Reviews and lawsuits per year (bars) with the pooled review correction rate (line). */
export function reviewTrendOption(rows: readonly ReviewTrendRow[], opts: { lang: Lang }): ChartOption {
  const { lang } = opts;
  return countsAndRateByYearOption(
    rows.map((r) => r.year),
    [{ name: TREND_TEXT.review[lang], data: rows.map((r) => r.review_total) }, { name: TREND_TEXT.lit[lang], data: rows.map((r) => r.lit_total) }],
    { name: TREND_TEXT.rate[lang], data: rows.map((r) => r.review_correction_rate) },
    lang,
  );
}

export type ReviewRankMeasure = 'review_total' | 'lit_total' | 'review_correction_rate';

/**
 * Reports ranked by one measure, largest first; reports where it is blank are left out (the
 * view says how many). Each bar carries its report id for the click to the report detail.
 */
/** A rate from fewer closed cases than this is drawn apart (paler): one case of one is 100 %. */
export const SMALL_N = 5;

/** Closed review cases (维持 + 纠正 + 其他): the denominator of the correction rate. */
export function closedReviews(r: ReviewReportRow): number | null {
  return r.review_upheld === null || r.review_corrected === null || r.review_other === null ? null : r.review_upheld + r.review_corrected + r.review_other;
}

export function reviewRankOption(rows: readonly ReviewReportRow[], opts: { lang: Lang; measure: ReviewRankMeasure; limit?: number; minClosed?: number }): ChartOption {
  const { lang, measure } = opts;
  const isRate = measure === 'review_correction_rate';
  const n = (r: ReviewReportRow) => closedReviews(r) ?? 0;
  const fmt = (v: number | null, closed?: number) =>
    isRate ? `${formatPercent(v, lang)}${closed === undefined ? '' : ` (n=${closed})`}` : formatNumber(v, lang, 'blank');
  const top = rows
    .filter((r) => r[measure] !== null && (!isRate || (opts.minClosed ?? 1) <= 1 || n(r) >= opts.minClosed!))
    .sort((a, b) => b[measure]! - a[measure]! || n(b) - n(a) || (b.review_total ?? 0) - (a.review_total ?? 0))
    .slice(0, opts.limit ?? 15);
  const name = (r: ReviewReportRow) => `${r.agency ?? r.id} ${r.year ?? ''}`;
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'item', formatter: (p: unknown) => {
      const d = (p as { data: { name: string; value: number; closed: number } }).data;
      return tooltipHtml`${d.name}<br>${fmt(d.value, isRate ? d.closed : undefined)}`;
    } },
    grid: { left: 8, right: isRate ? 96 : 40, top: 8, bottom: 8 },
    xAxis: { type: 'value', max: isRate ? 1 : undefined, axisLabel: { hideOverlap: true, formatter: (v: number) => (isRate ? formatPercent(v, lang, 'na', 0) : formatNumber(v, lang)) } },
    yAxis: { type: 'category', inverse: true, data: top.map(name), axisLabel: { formatter: (label: string) => agencyAxisLabel(label, 14) } },
    series: [{
      type: 'bar',
      itemStyle: { color: isRate ? '#c0504d' : '#5b7db1' },
      label: { show: true, position: 'right', formatter: (p: unknown) => {
        const d = (p as { data: { value: number; closed: number } }).data;
        return fmt(d.value, isRate ? d.closed : undefined);
      } },
      data: top.map((r) => ({
        name: name(r), value: r[measure]!, id: r.id, closed: n(r),
        ...(isRate && n(r) < SMALL_N ? { itemStyle: { color: '#e8b4b2' } } : {}),
      })),
    }],
  };
}
