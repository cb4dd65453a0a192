/** Option builders for Trends: lines or small multiples, with template changes marked. */
import type { ChartOption } from './echarts.ts';
import { formatValue, type Lang } from '../format.ts';
import type { Measure } from '../queries/measures.ts';
import { seriesColor, seriesSymbol } from './palette.ts';
import { agencyAxisLabel } from './agency-labels.ts';

export interface TrendSeries {
  name: string;
  /** One point per year of `years`; null where there is no value (blank, missing or n/a). */
  values: (number | null)[];
}

/**
 * Years whose reports use a different set of template versions than the year before:
 * `templatesByYear` maps year → comma-separated versions seen.
 */
export function templateChangeYears(templatesByYear: ReadonlyMap<number, string>): number[] {
  const years = [...templatesByYear.keys()].sort((a, b) => a - b);
  return years.filter((y, i) => i > 0 && templatesByYear.get(y) !== templatesByYear.get(years[i - 1]) && templatesByYear.get(y) !== '');
}

function changeMarks(changeYears: readonly number[], lang: Lang) {
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { type: 'dashed' as const, color: '#667085' },
    label: { formatter: lang === 'zh' ? '模板变更' : 'Template changed', position: 'end' as const, color: '#475467' },
    data: changeYears.map((y) => ({ xAxis: String(y) })),
  };
}

/** All series as lines on one chart. Nulls break the line: an absent year is never bridged. */
export function trendLinesOption(series: readonly TrendSeries[], years: readonly number[], changeYears: readonly number[], measure: Measure, lang: Lang): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatValue(v as number | null, measure.kind, lang) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: series.length > 1 ? 112 : 16, top: 56, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: years.map(String), boundaryGap: false },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatValue(v, measure.kind, lang, 'missing', true) } },
    series: series.map((s, i) => ({
      type: 'line',
      name: s.name,
      connectNulls: false,
      showSymbol: true,
      symbol: seriesSymbol(i),
      symbolSize: 7,
      itemStyle: { color: seriesColor(i) },
      // named at its end as well as in the legend: eight colours are too many to match by hue
      endLabel: { show: series.length > 1, formatter: ({ seriesName }: { seriesName?: string }) => agencyAxisLabel(seriesName ?? '', 8), color: seriesColor(i) },
      labelLayout: { moveOverlap: 'shiftY' as const },
      data: s.values,
      ...(i === 0 && changeYears.length > 0 ? { markLine: changeMarks(changeYears, lang) } : {}),
    })),
  };
}

/** One small chart per series in a grid of `columns`, sharing the y scale. */
export function smallMultiplesOption(series: readonly TrendSeries[], years: readonly number[], changeYears: readonly number[], measure: Measure, lang: Lang, maxColumns: number, chartWidth = 1200): ChartOption {
  const columns = Math.max(1, Math.min(maxColumns, series.length));
  const rows = Math.max(1, Math.ceil(series.length / columns));
  const cellHeight = 100 / rows;
  const cellWidth = 100 / columns;
  const max = Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatValue(v as number | null, measure.kind, lang) },
    title: series.map((s, i) => ({
      text: s.name, left: `${(i % columns) * cellWidth + 1}%`, top: `${Math.floor(i / columns) * cellHeight}%`,
      textStyle: { fontSize: 12, fontWeight: 'normal', width: (cellWidth / 100) * chartWidth * 0.9, overflow: 'truncate' },
    })),
    grid: series.map((_, i) => ({
      left: `${(i % columns) * cellWidth + 6}%`, top: `${Math.floor(i / columns) * cellHeight + 7}%`,
      width: `${cellWidth - 9}%`, height: `${cellHeight - 14}%`,
    })),
    xAxis: series.map((_, i) => ({ type: 'category', gridIndex: i, data: years.map(String), boundaryGap: false, axisLabel: { fontSize: 10, hideOverlap: true } })),
    yAxis: series.map((_, i) => ({
      type: 'value', gridIndex: i, max: max || undefined, splitNumber: 2,
      axisLabel: { fontSize: 10, formatter: (v: number) => formatValue(v, measure.kind, lang, 'missing', true) },
    })),
    series: series.map((s, i) => ({
      type: 'line', name: s.name, xAxisIndex: i, yAxisIndex: i, connectNulls: false, showSymbol: true,
      symbol: seriesSymbol(i), itemStyle: { color: seriesColor(i) }, data: s.values,
      ...(changeYears.length > 0 ? { markLine: { ...changeMarks(changeYears, lang), label: { show: false } } } : {}),
    })),
  };
}
