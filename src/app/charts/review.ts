/** Chart options for the review and litigation view (table 4). */
import { WITH_PATTERNS, type ChartOption } from './echarts.ts';
import { countsAndRateByYearOption } from './year-trend.ts';
import { T4_COL_KEYS } from '../../model/templates/index.ts';
import { formatNumber, formatPercent, type Lang } from '../format.ts';
import { colName, rowName } from '../i18n/labels.ts';
import { measureById } from '../queries/measures.ts';
import { MEASURE_COLORS, RESULT_COLORS, SMALL_N_COLOR } from './palette.ts';
import type { ReviewCellRow, ReviewRankMeasure, ReviewReportRow, ReviewTrendRow } from '../queries/review.ts';
import { tooltipHtml } from './tooltip.ts';
import { agencyAxisLabel } from './agency-labels.ts';

export const T4_GROUPS = ['review', 'lit_direct', 'lit_after_review'] as const;
const RESULT_COLS = T4_COL_KEYS.filter((c) => c !== 'total');


export const resultLabel = (col: string, lang: Lang): string => colName('t4', col, lang);
export const groupLabel = (group: string, lang: Lang): string => rowName('t4', group, lang);

/** One bar per case type (review, direct lawsuit, lawsuit after review), stacked by result. */
export function reviewResultsOption(cells: readonly ReviewCellRow[], opts: { lang: Lang }): ChartOption {
  const { lang } = opts;
  const valueOf = (row: string, col: string) => cells.find((c) => c.row === row && c.col === col)?.value ?? null;
  return {
    ...WITH_PATTERNS,
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

/** Reviews and lawsuits per year (bars) with the pooled review correction rate (line). */
export function reviewTrendOption(rows: readonly ReviewTrendRow[], opts: { lang: Lang }): ChartOption {
  const { lang } = opts;
  return countsAndRateByYearOption(
    rows.map((r) => r.year),
    [
      { name: measureById('review_cases')[lang], data: rows.map((r) => r.review_cases), color: MEASURE_COLORS.review_cases },
      { name: measureById('lawsuits')[lang], data: rows.map((r) => r.lawsuits), color: MEASURE_COLORS.lawsuits },
    ],
    { name: measureById('review_correction_rate')[lang], data: rows.map((r) => r.review_correction_rate), color: MEASURE_COLORS.review_correction_rate },
    lang,
  );
}



/**
 * Reports ranked by one measure, largest first; reports where it is blank are left out (the
 * view says how many). Each bar carries its report id for the click to the report detail.
 */
/** A rate from fewer closed cases than this is drawn apart (paler): one case of one is 100 %. */
export const SMALL_N = 5;

export function reviewRankOption(rows: readonly ReviewReportRow[], opts: { lang: Lang; measure: ReviewRankMeasure; limit?: number; minClosed?: number }): ChartOption {
  const { lang, measure } = opts;
  const isRate = measure === 'review_correction_rate';
  // closed review cases (维持 + 纠正 + 其他): the rate's denominator
  const n = (r: ReviewReportRow) => r.review_correction_rate__den ?? 0;
  const fmt = (v: number | null, closed?: number) =>
    isRate ? `${formatPercent(v, lang)}${closed === undefined ? '' : ` (n=${closed})`}` : formatNumber(v, lang, 'blank');
  const top = rows
    .filter((r) => r[measure] !== null && (!isRate || (opts.minClosed ?? 1) <= 1 || n(r) >= opts.minClosed!))
    .sort((a, b) => b[measure]! - a[measure]! || n(b) - n(a) || (b.review_cases ?? 0) - (a.review_cases ?? 0))
    .slice(0, opts.limit ?? 15);
  const name = (r: ReviewReportRow) => `${r.agency ?? r.id} ${r.year ?? ''}`;
  return {
    tooltip: { trigger: 'item', formatter: (p: unknown) => {
      const d = (p as { data: { name: string; value: number; closed: number } }).data;
      return tooltipHtml`${d.name}<br>${fmt(d.value, isRate ? d.closed : undefined)}`;
    } },
    grid: { left: 8, right: isRate ? 96 : 40, top: 8, bottom: 8 },
    xAxis: { type: 'value', max: isRate ? 1 : undefined, axisLabel: { hideOverlap: true, formatter: (v: number) => (isRate ? formatPercent(v, lang, 'na', 0) : formatNumber(v, lang)) } },
    yAxis: { type: 'category', inverse: true, data: top.map(name), axisLabel: { formatter: (label: string) => agencyAxisLabel(label, 14) } },
    series: [{
      type: 'bar',
      itemStyle: { color: MEASURE_COLORS[measure] },
      label: { show: true, position: 'right', formatter: (p: unknown) => {
        const d = (p as { data: { value: number; closed: number } }).data;
        return fmt(d.value, isRate ? d.closed : undefined);
      } },
      data: top.map((r) => ({
        name: name(r), value: r[measure]!, id: r.id, closed: n(r),
        ...(isRate && n(r) < SMALL_N ? { itemStyle: { color: SMALL_N_COLOR } } : {}),
      })),
    }],
  };
}
