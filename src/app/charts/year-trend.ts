/** Counts by year as bars with a pooled rate as a line on its own 0–100 % axis. */
import type { ChartOption } from './echarts.ts';
import { formatNumber, formatPercent, type Lang } from '../format.ts';

export interface YearSeries {
  name: string;
  data: readonly (number | null)[];
  /** The measure's colour (palette.ts), the same wherever it is drawn. */
  color: string;
}

export function countsAndRateByYearOption(years: readonly number[], counts: readonly YearSeries[], rate: YearSeries, lang: Lang): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: { hideOverlap: true, formatter: (v: number) => formatNumber(v, lang) } },
      { type: 'value', min: 0, max: (extent: { max: number }) => Math.max(1, extent.max), splitLine: { show: false }, axisLabel: { hideOverlap: true, formatter: (v: number) => formatPercent(v, lang, 'na', 0) } },
    ],
    series: [
      ...counts.map((s) => ({ type: 'bar' as const, name: s.name, data: [...s.data], itemStyle: { color: s.color }, tooltip: { valueFormatter: (v: unknown) => formatNumber(v as number | null, lang, 'blank') } })),
      { type: 'line', name: rate.name, yAxisIndex: 1, connectNulls: false, data: [...rate.data], itemStyle: { color: rate.color }, lineStyle: { color: rate.color, width: 2.5 }, symbol: 'diamond', symbolSize: 8, tooltip: { valueFormatter: (v: unknown) => formatPercent(v as number | null, lang) } },
    ],
  };
}
