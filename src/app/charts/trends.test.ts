import { describe, expect, it } from 'vitest';
import type { ChartOption } from './echarts.ts';
import { smallMultiplesOption, templateChangeYears, trendLinesOption } from './trends.ts';
import { measureById } from '../queries/measures.ts';
import { drawChart } from '../../testing/chart-svg.ts';

const renderSvg = (option: ChartOption, height = 300): string => drawChart(option, { height }).svg;

describe('trend charts', () => {
  it('finds the years whose template set differs from the year before', () => {
    expect(templateChangeYears(new Map([[2019, '2019'], [2020, '2019'], [2021, '2021'], [2022, '2021']]))).toEqual([2021]);
    expect(templateChangeYears(new Map([[2020, '2019'], [2021, '2019,2021'], [2022, '2021']]))).toEqual([2021, 2022]);
  });

  it('marks the template change and never bridges an absent year', () => {
    const option = trendLinesOption([{ name: '示例省甲市教育局', values: [668.7, null, null] }], [2020, 2021, 2022], [2021], measureById('procurement_t2'), 'zh');
    const [line] = option.series as { connectNulls: boolean; data: unknown[]; markLine: { data: unknown[] } }[];
    expect(line.connectNulls).toBe(false);
    expect(line.data).toEqual([668.7, null, null]);
    expect(line.markLine.data).toEqual([{ xAxis: '2021' }]);
    const svg = renderSvg(option);
    expect(svg).toContain('模板变更');
    expect(svg).toContain('示例省甲市教育局');
  });

  it('draws one small chart per series', () => {
    const series = ['甲', '乙', '丙', '丁'].map((n, i) => ({ name: n, values: [i, i + 1] }));
    const option = smallMultiplesOption(series, [2021, 2022], [], measureById('applications'), 'zh', 2);
    expect((option.grid as unknown[]).length).toBe(4);
    expect((option.series as { xAxisIndex: number }[]).map((s) => s.xAxisIndex)).toEqual([0, 1, 2, 3]);
    const svg = renderSvg(option, 400);
    for (const n of ['甲', '乙', '丙', '丁']) expect(svg).toContain(n);
  });
});
