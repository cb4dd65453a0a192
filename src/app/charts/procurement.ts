/** Chart options for the procurement view: table 2 （九） (2019 template only) and narrative amounts. */
import type { ChartOption } from './echarts.ts';
import { formatWanYuan, formatWanYuanRounded, type Lang } from '../format.ts';
import type { ProcurementReportRow, ProcurementTrendRow } from '../queries/procurement.ts';
import { tooltipHtml } from './tooltip.ts';
import { agencyAxisLabel } from './agency-labels.ts';
import { MEASURE_COLORS } from './palette.ts';

const TEXT = {
  table: { zh: '表二 政府集中采购金额', en: 'Table 2 centralised procurement' },
  narrative: { zh: '正文所述采购金额', en: 'Amount stated in the text' },
  na: { zh: '无此项', en: 'n/a' },
};

/**
 * Amounts per year, in 万元. Years in which no selected report has the table (all 2021
 * template) have no bar and are labelled "not in the template" on the axis, never drawn as 0.
 */
export function procurementTrendOption(rows: readonly ProcurementTrendRow[], opts: { lang: Lang }): ChartOption {
  const { lang } = opts;
  const years = rows.map((r) => String(r.year));
  const naYears = rows.filter((r) => r.n_applicable === 0).map((r) => String(r.year));
  const fmt = (v: unknown) => formatWanYuan(v as number | null, lang, 'na');
  return {
    tooltip: { trigger: 'axis', valueFormatter: fmt },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8 },
    xAxis: {
      type: 'category',
      data: years,
      axisLabel: { interval: 0, formatter: (y: string) => (naYears.includes(y) ? `${y}\n{na|${TEXT.na[lang]}}` : y), rich: { na: { color: '#777', fontSize: 10 } } },
    },
    yAxis: { type: 'value', axisLabel: { hideOverlap: true, formatter: (v: number) => formatWanYuanRounded(v, lang) } },
    series: [
      {
        type: 'bar',
        name: TEXT.table[lang],
        data: rows.map((r) => (r.n_applicable === 0 ? null : r.amount)),
      },
      { type: 'line', name: TEXT.narrative[lang], data: rows.map((r) => r.narrative_amount), connectNulls: false },
    ],
  };
}

/** The largest table-2 amounts of the selection, one bar per report (click → report detail). */
export function procurementRankOption(rows: readonly ProcurementReportRow[], opts: { lang: Lang; limit?: number }): ChartOption {
  const { lang } = opts;
  const top = rows.filter((r) => r.amount !== null).sort((a, b) => b.amount! - a.amount!).slice(0, opts.limit ?? 15);
  return {
    tooltip: { trigger: 'item', formatter: (p: unknown) => {
      const d = (p as { data: { value: number; name: string; raw: string | null } }).data;
      return tooltipHtml`${d.name}<br>${formatWanYuan(d.value, lang)}${d.raw ? ` (${d.raw})` : ''}`;
    } },
    grid: { left: 8, right: 24, top: 8, bottom: 8 },
    xAxis: { type: 'value', axisLabel: { hideOverlap: true, formatter: (v: number) => formatWanYuanRounded(v, lang) } },
    yAxis: {
      type: 'category', inverse: true, data: top.map((r) => `${r.agency ?? r.id} ${r.year ?? ''}`),
      axisLabel: { formatter: (name: string) => agencyAxisLabel(name, 14) },
    },
    series: [{
      type: 'bar',
      name: TEXT.table[lang],
      itemStyle: { color: MEASURE_COLORS.procurement },
      data: top.map((r) => ({ value: r.amount!, name: `${r.agency ?? r.id} ${r.year ?? ''}`, id: r.id, raw: r.amount_raw })),
    }],
  };
}
