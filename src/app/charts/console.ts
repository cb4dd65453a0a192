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
  /** A year column shown beside a text label (an agency's several years). */
  year: number | null;
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

/**
 * Which columns the chart draws, or null when the result has no label and number to draw. A
 * year column before any text column, with one row per year, is a time line; otherwise the first
 * text (or date) column labels bars, with the year beside it when there is one. `wanted`: a
 * numeric column's name.
 */
export function consoleChart(table: ResultTable, wanted: string | null = null): ConsoleChart | null {
  const { columns, rows } = table;
  if (rows.length === 0) return null;
  const yearColumn = columns.findIndex((_, i) => isYearColumn(table, i));
  const yearsDistinct = yearColumn >= 0 && new Set(rows.map((r) => r[yearColumn])).size === rows.length;
  const textColumn = columns.findIndex((c) => c.kind === 'text' || c.kind === 'date');
  const yearFirst = yearColumn >= 0 && (textColumn < 0 || yearColumn < textColumn);
  const label = yearsDistinct && yearFirst ? yearColumn : textColumn;
  if (label < 0) return null;
  const values = columns.flatMap((c, i) => (c.kind === 'number' && i !== label && i !== yearColumn ? [i] : []));
  if (values.length === 0) return null;
  const chosen = values.find((i) => columns[i]!.name === wanted) ?? values[0]!;
  const overTime = label === yearColumn || columns[label]!.kind === 'date';
  return { label, year: label === yearColumn ? null : yearColumn >= 0 ? yearColumn : null, value: chosen, values, shape: overTime ? 'line' : 'bar' };
}

export function consoleChartOption(table: ResultTable, chart: ConsoleChart, lang: Lang): ChartOption {
  const cut = table.rows.slice(0, CHART_MAX_ROWS);
  const rows = chart.shape === 'line' ? [...cut].sort((a, b) => String(a[chart.label]).localeCompare(String(b[chart.label]))) : cut;
  const name = table.columns[chart.value]!.name;
  const text = (v: unknown) => (v === null ? 'NULL' : String(v));
  const labels = rows.map((r) => (chart.year === null ? text(r[chart.label]) : `${text(r[chart.label])} ${text(r[chart.year])}`));
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
    yAxis: { type: 'category', inverse: true, data: labels, axisLabel: { interval: 0, formatter: (label: string) => agencyAxisLabel(label, 16) } },
    series: [{ type: 'bar', name, data, itemStyle: { color } }],
  };
}
