/** Option builders for Compare: a ranked bar chart and chosen agencies side by side. */
import type { ChartOption } from './echarts.ts';
import { formatValue, type Lang } from '../format.ts';
import type { Measure } from '../queries/measures.ts';
import type { RankRow } from '../queries/compare.ts';
import { agencyAxisLabel } from './agency-labels.ts';
import { REPORT_COLORS, seriesColor } from './palette.ts';


const OWN_MARK = { zh: '（我的）', en: ' (yours)' } as const;

/** The top `limit` reports with a value, highest at the top; the bar's data carries the report id. Reports in `own` (the reader's) are marked in name and colour. */
export function rankedBarOption(rows: readonly RankRow[], measure: Measure, lang: Lang, limit: number, own: ReadonlySet<string> = new Set()): ChartOption {
  const ranked = rows.filter((r) => r.value !== null).slice(0, limit).reverse();
  const color = (r: RankRow) => (own.has(r.id) ? REPORT_COLORS.own : r.synthetic ? REPORT_COLORS.synthetic : REPORT_COLORS.real);
  const axisValue = (v: number) => formatValue(v, measure.kind, lang, 'missing', true);
  return {
    tooltip: { trigger: 'item', valueFormatter: (v: unknown) => formatValue(v as number, measure.kind, lang) },
    grid: { left: 8, right: 56, top: 8, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'value', axisLabel: { formatter: axisValue, hideOverlap: true }, ...(measure.kind === 'rate' ? { max: 1 } : {}) },
    yAxis: { type: 'category', data: ranked.map((r) => `${r.agency ?? r.id}${own.has(r.id) ? OWN_MARK[lang] : ''}`), axisLabel: { formatter: (name: string) => agencyAxisLabel(name) } },
    series: [
      {
        type: 'bar',
        name: measure[lang],
        data: ranked.map((r) => ({ value: r.value, id: r.id, itemStyle: { color: color(r) } })),
        label: { show: true, position: 'right', formatter: ({ value }: { value: unknown }) => formatValue(value as number, measure.kind, lang, 'missing', true) },
      },
    ],
  };
}

export interface AgencyYearValue {
  agency: string;
  year: number;
  value: number | null;
}

/** One measure for the chosen agencies, grouped by year (a missing or n/a year has no bar). */
export function sideBySideOption(rows: readonly AgencyYearValue[], agencies: readonly string[], measure: Measure, lang: Lang): ChartOption {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatValue(v as number | null, measure.kind, lang) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 8, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatValue(v, measure.kind, lang, 'missing', true) }, ...(measure.kind === 'rate' ? { max: 1 } : {}) },
    series: agencies.map((agency, i) => ({
      type: 'bar',
      name: agency,
      itemStyle: { color: seriesColor(i) },
      data: years.map((y) => rows.find((r) => r.agency === agency && r.year === y)?.value ?? null),
    })),
  };
}
