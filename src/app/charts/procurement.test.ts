import { describe, expect, it } from 'vitest';
import type { ChartOption } from './echarts.ts';
import { drawChart } from '../../testing/chart-svg.ts';
import { procurementRankOption, procurementTrendOption } from './procurement.ts';
import type { ProcurementReportRow } from '../queries/procurement.ts';

const render = (option: ChartOption): string => drawChart(option, { width: 640, height: 360 }).svg;

describe('procurementTrendOption', () => {
  it('leaves 2021-template years empty and marks them as not in the template', () => {
    const option = procurementTrendOption([
      { year: 2020, n_reports: 2, n_applicable: 2, n_with_amount: 2, amount: 8048.99, projects: 398, narrative_amount: 668.7, n_with_narrative: 1 },
      { year: 2021, n_reports: 2, n_applicable: 0, n_with_amount: 0, amount: null, projects: null, narrative_amount: null, n_with_narrative: 0 },
    ], { lang: 'zh' });
    const [bars, line] = option.series as { data: (number | null)[] }[];
    expect(bars.data).toEqual([8048.99, null]);
    expect(line.data).toEqual([668.7, null]);
    const svg = render(option);
    expect(svg).toContain('无此项');
    expect(svg.match(/无此项/g)).toHaveLength(1);
  });
});

describe('procurementRankOption', () => {
  const row = (id: string, amount: number | null): ProcurementReportRow => ({
    id, agency: `示例省${id}局`, region: '示例省', year: 2020, template: '2019', synthetic: true, applicable: true,
    projects: 1, projects_state: 'number', amount, amount_state: amount === null ? 'blank' : 'number', amount_raw: amount === null ? '/' : `${amount}万元`,
    narrative_amount: null, narrative_evidence: null,
  });

  it('ranks reports by table amount, skips blanks and carries the report id for the click', () => {
    const option = procurementRankOption([row('a', 5), row('b', null), row('c', 12.5)], { lang: 'en' });
    const [bars] = option.series as { data: { value: number; id: string }[] }[];
    expect(bars.data.map((d) => [d.id, d.value])).toEqual([['c', 12.5], ['a', 5]]);
    expect(render(option)).toContain('示例省c局');
  });
});
