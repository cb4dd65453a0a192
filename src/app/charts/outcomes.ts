/** Chart options for the applications view (table 3): outcomes by applicant type, the flow, the trend. */
import { WITH_PATTERNS, type ChartOption } from './echarts.ts';
import { countsAndRateByYearOption } from './year-trend.ts';
import { T3_COL_KEYS, rowDef } from '../../model/templates/index.ts';
import { formatNumber, formatPercent, type Lang } from '../format.ts';
import { colShortName, groupName } from '../i18n/labels.ts';
import type { OutcomeCellRow, OutcomeTrendRow } from '../queries/outcomes.ts';
import { measureById } from '../queries/measures.ts';
import { MEASURE_COLORS, OUTCOME_COLORS } from './palette.ts';
import { EchartsHtml, tooltipHtml } from './tooltip.ts';

export const OUTCOME_GROUPS = ['granted', 'partially_granted', 'denied', 'unable', 'not_processed', 'other'] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];

export const APPLICANT_COLS = T3_COL_KEYS.filter((c) => c !== 'total');

/** Which outcome group a table-3 row belongs to; undefined for the non-outcome rows. */
export function outcomeGroupOf(row: string): OutcomeGroup | undefined {
  if (row === 'other_handling') return 'other';
  const group = rowDef('t3', row)?.group;
  return (OUTCOME_GROUPS as readonly string[]).includes(group ?? '') ? (group as OutcomeGroup) : undefined;
}

export interface GroupCell {
  col: string;
  group: OutcomeGroup;
  /** Null when no selected report printed any row of the group in this column. */
  value: number | null;
}

/**
 * Table-3 cells summed into the six outcome groups, per applicant column. A group whose cells
 * are all blank or missing stays null rather than summing to 0.
 */
export function outcomeGroups(cells: readonly OutcomeCellRow[]): GroupCell[] {
  const grouped = cells.flatMap((c) => {
    const group = outcomeGroupOf(c.row);
    return group ? [{ col: c.col, group, value: c.value }] : [];
  });
  // Summed by hand: Arquero compiles its expressions with Function, which the app's CSP forbids.
  const sums = new Map<string, number | null>();
  for (const { col, group, value } of grouped) {
    const key = `${col}|${group}`;
    const sum = sums.get(key) ?? null;
    sums.set(key, value === null ? sum : (sum ?? 0) + value);
  }
  return T3_COL_KEYS.flatMap((col) => OUTCOME_GROUPS.map((group) => ({ col, group, value: sums.get(`${col}|${group}`) ?? null })));
}

export function cellValue(cells: readonly OutcomeCellRow[], row: string, col: string): number | null {
  return cells.find((c) => c.row === row && c.col === col)?.value ?? null;
}


/**
 * Horizontal stacked bars: one bar per applicant type, one segment per outcome group. With
 * `percent`, each bar shows shares of its own outcomes. A group no report printed is left out of
 * the bar (and said so in the tooltip), not drawn as 0.
 */
export function outcomesBarOption(cells: readonly OutcomeCellRow[], opts: { lang: Lang; percent: boolean }): ChartOption {
  const { lang, percent } = opts;
  const groups = outcomeGroups(cells);
  const cols = [...APPLICANT_COLS];
  const barTotal = (col: string) => groups.filter((g) => g.col === col).reduce((s, g) => s + (g.value ?? 0), 0);
  const valueOf = (col: string, group: OutcomeGroup) => groups.find((g) => g.col === col && g.group === group)?.value ?? null;
  return {
    ...WITH_PATTERNS,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const list = params as { axisValueLabel: string; dataIndex: number; seriesName: string; marker: string; seriesIndex: number }[];
        if (list.length === 0) return '';
        const col = cols[list[0].dataIndex];
        const lines = OUTCOME_GROUPS.map((g, i) => {
          const v = valueOf(col, g);
          const total = barTotal(col);
          const share = v !== null && total > 0 ? ` (${formatPercent(v / total, lang)})` : '';
          return tooltipHtml`${new EchartsHtml(list.find((p) => p.seriesIndex === i)?.marker ?? '')}${groupName('t3', g, lang)}: ${formatNumber(v, lang, 'blank')}${share}`;
        });
        return [tooltipHtml`${list[0].axisValueLabel}`, ...lines].join('<br>');
      },
    },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8 },
    xAxis: percent ? { type: 'value', max: 1, axisLabel: { hideOverlap: true, formatter: (v: number) => formatPercent(v, lang, 'na', 0) } } : { type: 'value', axisLabel: { hideOverlap: true, formatter: (v: number) => formatNumber(v, lang) } },
    yAxis: { type: 'category', inverse: true, data: cols.map((c) => colShortName('t3', c, lang)) },
    series: OUTCOME_GROUPS.map((group) => ({
      type: 'bar' as const,
      name: groupName('t3', group, lang),
      stack: 'outcomes',
      itemStyle: { color: OUTCOME_COLORS[group] },
      emphasis: { focus: 'series' as const },
      data: cols.map((col) => {
        const v = valueOf(col, group);
        const total = barTotal(col);
        return v === null ? null : percent ? (total > 0 ? v / total : null) : v;
      }),
    })),
  };
}

const FLOW_TEXT = {
  new_received: { zh: '本年新收', en: 'New this year' },
  carried_over_in: { zh: '上年结转', en: 'Carried in' },
  handled: { zh: '本年度办理', en: 'To be handled' },
  carried_over_out: { zh: '结转下年度', en: 'Carried out' },
};

/**
 * Sankey of one applicant column: new + carried-in → outcomes + carried-out. Links whose figure
 * is blank or 0 are left out (a sankey cannot draw them); the tooltip gives each figure.
 */
export function outcomesFlowOption(cells: readonly OutcomeCellRow[], opts: { lang: Lang; col: string }): ChartOption {
  const { lang, col } = opts;
  const groups = outcomeGroups(cells).filter((g) => g.col === col);
  const hub = FLOW_TEXT.handled[lang];
  const links: { source: string; target: string; value: number }[] = [];
  const add = (source: string, target: string, value: number | null) => {
    if (value !== null && value > 0) links.push({ source, target, value });
  };
  add(FLOW_TEXT.new_received[lang], hub, cellValue(cells, 'new_received', col));
  add(FLOW_TEXT.carried_over_in[lang], hub, cellValue(cells, 'carried_over_in', col));
  for (const g of groups) add(hub, groupName('t3', g.group, lang), g.value);
  add(hub, FLOW_TEXT.carried_over_out[lang], cellValue(cells, 'carried_over_out', col));
  const names = [...new Set(links.flatMap((l) => [l.source, l.target]))];
  const colorOf = (name: string) => OUTCOME_GROUPS.find((g) => groupName('t3', g, lang) === name);
  return {
    tooltip: { trigger: 'item', formatter: (p: unknown) => {
      const d = (p as { data: { source?: string; target?: string; value?: number; name?: string }; value: number }).data;
      return d.source ? tooltipHtml`${d.source} → ${d.target}: ${formatNumber(d.value, lang)}` : tooltipHtml`${d.name}`;
    } },
    series: [{
      type: 'sankey',
      left: 8, right: 120, top: 8, bottom: 8,
      nodeAlign: 'justify',
      emphasis: { focus: 'adjacency' },
      label: { formatter: (p: unknown) => (p as { name: string }).name },
      data: names.map((name) => ({ name, itemStyle: colorOf(name) ? { color: OUTCOME_COLORS[colorOf(name)!] } : undefined })),
      links,
    }],
  };
}

/** New applications (bars) and the pooled disclosure rate (line) by year. */
export function outcomeTrendOption(rows: readonly OutcomeTrendRow[], opts: { lang: Lang }): ChartOption {
  const { lang } = opts;
  return countsAndRateByYearOption(
    rows.map((r) => r.year),
    [{ name: measureById('applications')[lang], data: rows.map((r) => r.applications), color: MEASURE_COLORS.applications }],
    { name: measureById('disclosure_rate')[lang], data: rows.map((r) => r.disclosure_rate), color: MEASURE_COLORS.disclosure_rate },
    lang,
  );
}
