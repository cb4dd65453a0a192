/**
 * The SQL console's quick chart: a result with a label column (text, a date or a year) and a
 * numeric column is drawn as a line over years or dates, else as horizontal bars.
 */
import type { ChartOption } from './echarts.ts';
import type { ResultTable } from '../db/database.ts';
import { formatCompact, formatNumber, type Lang } from '../format.ts';
import { agencyAxisLabel } from './agency-labels.ts';
import { seriesColor } from './palette.ts';
import { escapeHtml } from './tooltip.ts';

/** Rows drawn at most: more bars than this are unreadable; the view says when it cuts. */
export const CHART_MAX_ROWS = 40;

export interface ConsoleChart {
  /** Column indices into the result. */
  label: number;
  value: number;
  /** Columns the chart could draw instead of `value`. */
  values: number[];
  shape: 'line' | 'bar';
}

const isYear = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2100;

/** Whether column `i` holds years (named so, every value a year or NULL): drawn as time, printed without grouping. */
export function isYearColumn(table: ResultTable, i: number): boolean {
  const column = table.columns[i];
  return !!column && column.kind === 'number' && /year|年/i.test(column.name) && table.rows.every((r) => r[i] === null || isYear(r[i]));
}

/** Which columns the chart draws, or null when the result has no label and number to draw. `wanted`: a numeric column's name. */
export function consoleChart(table: ResultTable, wanted: string | null = null): ConsoleChart | null {
  const { columns, rows } = table;
  if (rows.length === 0) return null;
  const yearColumn = columns.findIndex((_, i) => isYearColumn(table, i));
  const textColumn = columns.findIndex((c) => c.kind === 'text' || c.kind === 'date');
  const label = yearColumn >= 0 ? yearColumn : textColumn;
  if (label < 0) return null;
  const values = columns.flatMap((c, i) => (c.kind === 'number' && i !== label ? [i] : []));
  if (values.length === 0) return null;
  const chosen = values.find((i) => columns[i]!.name === wanted) ?? values[0]!;
  const overTime = label === yearColumn || columns[label]!.kind === 'date';
  return { label, value: chosen, values, shape: overTime ? 'line' : 'bar' };
}

export function consoleChartOption(table: ResultTable, chart: ConsoleChart, lang: Lang): ChartOption {
  const rows = table.rows.slice(0, CHART_MAX_ROWS);
  const name = table.columns[chart.value]!.name;
  const labels = rows.map((r) => (r[chart.label] === null ? 'NULL' : String(r[chart.label])));
  const data = rows.map((r) => r[chart.value] as number | null);
  const color = seriesColor(0);
  const valueAxis = { type: 'value' as const, axisLabel: { hideOverlap: true, formatter: (v: number) => formatCompact(v, lang) } };
  const tooltip = {
    trigger: 'axis' as const,
    formatter: (params: unknown) => {
      const [point] = params as { name: string; value: number | null }[];
      return point ? `${escapeHtml(point.name)}<br>${escapeHtml(name)}: ${escapeHtml(formatNumber(point.value, lang, 'blank'))}` : '';
    },
  };
  if (chart.shape === 'line') {
    return {
      tooltip,
      grid: { left: 8, right: 16, top: 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'category', data: labels },
      yAxis: valueAxis,
      series: [{ type: 'line', name, data, connectNulls: false, itemStyle: { color }, lineStyle: { color, width: 2.5 }, symbolSize: 7 }],
    };
  }
  return {
    tooltip,
    grid: { left: 8, right: 16, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: valueAxis,
    yAxis: { type: 'category', inverse: true, data: labels, axisLabel: { interval: 0, formatter: (label: string) => agencyAxisLabel(label, 14) } },
    series: [{ type: 'bar', name, data, itemStyle: { color } }],
  };
}
