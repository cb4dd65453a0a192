/** Chart option for the data-quality view: failed and uncertain checks per rule. */
import type { ChartOption } from './echarts.ts';
import { RULES } from '../../model/rules.ts';
import { formatNumber, type Lang } from '../format.ts';
import type { QualityRuleRow } from '../queries/quality.ts';
import { tooltipHtml } from './tooltip.ts';
import { CHECK_COLORS } from './palette.ts';

const STATUS_TEXT = {
  fail: { zh: '不符', en: 'Failed' },
  uncertain: { zh: '无法判断（有空白或缺失）', en: 'Uncertain (blank or missing operand)' },
};
export const statusText = (s: 'fail' | 'uncertain', lang: Lang): string => STATUS_TEXT[s][lang];
export const ruleText = (rule: string, lang: Lang): string => RULES[rule]?.[lang] ?? rule;

/** Horizontal bars, one per rule (hard rules first), split into failed and uncertain; data items carry the rule id. */
export function qualityRuleOption(rows: readonly QualityRuleRow[], opts: { lang: Lang }): ChartOption {
  const { lang } = opts;
  const rules = [...new Set(rows.map((r) => r.rule))].sort((a, b) => {
    const sev = (r: string) => (RULES[r]?.severity === 'hard' ? 0 : 1);
    return sev(a) - sev(b) || a.localeCompare(b);
  });
  const series = (['fail', 'uncertain'] as const).map((status) => ({
    type: 'bar' as const,
    name: STATUS_TEXT[status][lang],
    stack: 'issues',
    itemStyle: { color: status === 'fail' ? CHECK_COLORS.hard : CHECK_COLORS.uncertain },
    data: rules.map((rule) => {
      const r = rows.find((x) => x.rule === rule && x.status === status);
      return { value: r?.n_checks ?? 0, rule, status, reports: r?.n_reports ?? 0 };
    }),
  }));
  return {
    tooltip: { trigger: 'item', formatter: (p: unknown) => {
      const d = (p as { data: { value: number; rule: string; status: 'fail' | 'uncertain'; reports: number }; marker: string }).data;
      const reports = lang === 'zh' ? `${formatNumber(d.reports, lang)} 份年报` : `${formatNumber(d.reports, lang)} reports`;
      return tooltipHtml`${ruleText(d.rule, lang)}<br>${STATUS_TEXT[d.status][lang]}: ${formatNumber(d.value, lang)} (${reports})`;
    } },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { hideOverlap: true, formatter: (v: number) => formatNumber(v, lang) } },
    yAxis: { type: 'category', inverse: true, data: rules.map((r) => ruleText(r, lang)), axisLabel: { width: 140, overflow: 'break' } },
    series,
  };
}
