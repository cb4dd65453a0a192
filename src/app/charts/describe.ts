/**
 * A chart's text description for screen readers, in the UI language, read from the chart's own
 * option: each series with its figures (all of them when few, else first, last, highest and
 * lowest), formatted as the chart formats them, a missing point said as such, never as NaN.
 * The same reading gives the rows a chart exports when it has none of its own (`drawnRows`).
 */
import type { ChartOption } from './echarts.ts';
import { formatNumber, type Lang } from '../format.ts';

type Formatter = (value: number) => string;
type Loose = Record<string, unknown>;

const MAX_LISTED = 12;
const TEXT = {
  zh: { none: '无数据', highest: '最高', lowest: '最低', from: '从', to: '到', sep: '，', end: '。', colon: '：', points: '{n} 个点', empty: '图中没有数据' },
  en: { none: 'no figure', highest: 'highest', lowest: 'lowest', from: 'from', to: 'to', sep: ', ', end: '. ', colon: ': ', points: '{n} points', empty: 'The chart has no data' },
} as const;

const list = (value: unknown): Loose[] => (Array.isArray(value) ? value : value ? [value] : []) as Loose[];
const fnOf = (value: unknown): Formatter | null => (typeof value === 'function' ? (value as Formatter) : null);

function numberOf(point: unknown): number | null {
  const raw = point !== null && typeof point === 'object' && !Array.isArray(point) ? (point as Loose).value : point;
  const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function nameOf(point: unknown): string | null {
  return point !== null && typeof point === 'object' && typeof (point as Loose).name === 'string' ? ((point as Loose).name as string) : null;
}

function categoryText(category: unknown): string {
  if (category !== null && typeof category === 'object') return String((category as Loose).value ?? '');
  return String(category ?? '');
}

/** How the chart itself formats a series' values: its tooltip, the chart's tooltip, its value axis. */
function formatterOf(option: Loose, series: Loose, valueAxes: Loose[], lang: Lang): Formatter {
  const own = fnOf((series.tooltip as Loose | undefined)?.valueFormatter) ?? fnOf((option.tooltip as Loose | undefined)?.valueFormatter);
  const axisIndex = Number(series.yAxisIndex ?? series.xAxisIndex ?? 0);
  const axis = fnOf((valueAxes[axisIndex]?.axisLabel as Loose | undefined)?.formatter);
  return own ?? axis ?? ((v) => formatNumber(v, lang));
}

function describeSeries(points: { label: string; value: number | null }[], format: Formatter, lang: Lang): string {
  const text = TEXT[lang];
  const shown = (p: { label: string; value: number | null }) => `${p.label} ${p.value === null ? text.none : format(p.value)}`.trim();
  if (points.length <= MAX_LISTED) return points.map(shown).join(text.sep);
  const valued = points.filter((p) => p.value !== null);
  const parts = [`${text.points.replace('{n}', String(points.length))}`, `${text.from} ${shown(points[0]!)} ${text.to} ${shown(points[points.length - 1]!)}`];
  if (valued.length > 0) {
    const highest = valued.reduce((a, b) => (b.value! > a.value! ? b : a));
    const lowest = valued.reduce((a, b) => (b.value! < a.value! ? b : a));
    parts.push(`${text.highest} ${shown(highest)}`, `${text.lowest} ${shown(lowest)}`);
  }
  return parts.join(text.sep);
}

interface DrawnSeries {
  name: string;
  points: { label: string; value: number | null }[];
  format: Formatter;
}

/** Each series of the option with the points it draws (a missing point as null) and its formatter. */
function drawnSeries(chart: ChartOption, lang: Lang): DrawnSeries[] {
  const option = chart as Loose;
  const axes = [...list(option.xAxis), ...list(option.yAxis)];
  const categoryAxis = axes.find((a) => a.type === 'category');
  const categories = list(categoryAxis?.data).map(categoryText);
  const valueAxes = (categoryAxis && list(option.xAxis).includes(categoryAxis) ? list(option.yAxis) : list(option.xAxis));
  return list(option.series).map((series) => {
    const data = list(series.data);
    let points: { label: string; value: number | null }[];
    if (series.type === 'sankey') {
      points = list(series.links).map((l) => ({ label: `${String(l.source)} → ${String(l.target)}`, value: numberOf(l) }));
    } else if (series.type === 'pie' || categories.length === 0) {
      points = data.map((d) => ({ label: nameOf(d) ?? '', value: numberOf(d) }));
    } else {
      points = categories.map((label, i) => ({ label, value: numberOf(data[i]) }));
    }
    return { name: typeof series.name === 'string' ? series.name : '', points, format: formatterOf(option, series, valueAxes, lang) };
  });
}

export function describeChart(chart: ChartOption, lang: Lang): string {
  const text = TEXT[lang];
  const sentences: string[] = [];
  for (const series of drawnSeries(chart, lang)) {
    const name = series.name !== '' ? `${series.name}${text.colon}` : '';
    if (series.points.length > 0) sentences.push(`${name}${describeSeries(series.points, series.format, lang)}`);
  }
  return sentences.length > 0 ? sentences.join(text.end).trim() + (lang === 'zh' ? '。' : '.') : `${text.empty}${lang === 'zh' ? '。' : '.'}`;
}

/** The figures a chart draws as rows (series, label, value): what a chart without rows of its own exports. */
export function drawnRows(chart: ChartOption, lang: Lang): { series: string; label: string; value: number | null }[] {
  return drawnSeries(chart, lang).flatMap((s) => s.points.map((p) => ({ series: s.name, label: p.label, value: p.value })));
}
