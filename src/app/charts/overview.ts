/** Option builders for the Overview's charts: rows in, ECharts option out. */
import type { ChartOption } from './echarts.ts';
import { formatCompact, formatNumber, formatPercent, type Lang } from '../format.ts';
import { MESSAGES } from '../i18n/messages.ts';
import type { FailedRuleRow, ReportsByYearRow } from '../queries/overview.ts';
import { TEMPLATES, templateOf } from '../../model/templates/index.ts';
import { ruleName, templateName } from '../i18n/labels.ts';
import { CHECK_COLORS, MEASURE_COLORS, TEMPLATE_COLORS, UNRECOGNISED_COLOR } from './palette.ts';

const UNRECOGNISED = { zh: '未识别', en: 'unrecognised' };

const templateColor = (template: string | null) => {
  const known = templateOf(template);
  return known ? TEMPLATE_COLORS[TEMPLATES.indexOf(known) % TEMPLATE_COLORS.length]! : UNRECOGNISED_COLOR;
};
const templateSeriesName = (template: string | null, lang: Lang) => (templateOf(template) ? templateName(template, lang) : UNRECOGNISED[lang]);

/** Reports per year, stacked by template version. */
export function reportsByYearOption(rows: readonly ReportsByYearRow[], lang: Lang): ChartOption {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const templates = [...new Set(rows.map((r) => r.template))].sort((a, b) => String(a).localeCompare(String(b)));
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatCompact(v, lang) } },
    series: templates.map((template) => ({
      type: 'bar',
      name: templateSeriesName(template, lang),
      stack: 'reports',
      itemStyle: { color: templateColor(template) },
      label: { show: true, position: 'inside', color: '#fff', formatter: ({ value }: { value: unknown }) => (typeof value === 'number' && value > 0 ? formatNumber(value, lang) : '') },
      // a year without reports of this template has no bar, not a zero bar
      data: years.map((y) => rows.find((r) => r.year === y && r.template === template)?.reports ?? null),
    })),
  };
}

export interface HeadlineYear {
  year: number;
  applications: number | null;
  disclosure_rate: number | null;
}

/** Applications received per year (bars) and the disclosure rate (line, right axis). */
export function applicationsByYearOption(rows: readonly HeadlineYear[], lang: Lang): ChartOption {
  const names = lang === 'zh' ? { apps: '本年新收申请', rate: '公开率' } : { apps: 'New applications', rate: 'Disclosure rate' };
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (value: unknown) => (typeof value === 'number' ? (value <= 1 && value >= 0 && !Number.isInteger(value) ? formatPercent(value, lang) : formatNumber(value, lang)) : MESSAGES.no_data[lang]),
    },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (v: number) => formatCompact(v, lang) } },
      { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => formatPercent(v, lang, 'na', 0) }, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'bar', name: names.apps, itemStyle: { color: MEASURE_COLORS.applications },
        label: { show: true, position: 'top', formatter: ({ value }: { value: unknown }) => (typeof value === 'number' ? formatCompact(value, lang) : '') },
        data: rows.map((r) => r.applications),
      },
      {
        type: 'line', name: names.rate, yAxisIndex: 1, itemStyle: { color: MEASURE_COLORS.disclosure_rate }, lineStyle: { color: MEASURE_COLORS.disclosure_rate, width: 2.5 }, symbol: 'diamond', symbolSize: 8, connectNulls: false,
        data: rows.map((r) => r.disclosure_rate),
      },
    ],
  };
}

/** Reports failing each arithmetic rule, hard rules in red; the rule's name sits above its bar. */
export function failedRulesOption(rows: readonly FailedRuleRow[], lang: Lang): ChartOption {
  const sorted = [...rows].sort((a, b) => a.reports - b.reports);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatCompact(v, lang), hideOverlap: true } },
    yAxis: { type: 'category', data: sorted.map((r) => ruleName(r.rule, lang)), axisLabel: { show: false }, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barWidth: 12,
        data: sorted.map((r) => ({ value: r.reports, itemStyle: { color: r.severity === 'hard' ? CHECK_COLORS.hard : CHECK_COLORS.soft } })),
        label: { show: true, position: 'right', formatter: ({ value }: { value: unknown }) => formatNumber(value as number, lang) },
        labelLayout: { hideOverlap: false },
      },
      {
        // the rule names, drawn as labels of an invisible bar so they sit above each real bar
        type: 'bar',
        barGap: '-100%',
        barWidth: 12,
        silent: true,
        tooltip: { show: false },
        itemStyle: { color: 'transparent' },
        data: sorted.map(() => 0),
        label: { show: true, position: [0, -16], align: 'left', color: '#344054', formatter: ({ name }: { name: string }) => name },
      },
    ],
  };
}
