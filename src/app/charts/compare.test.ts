import { describe, expect, it } from 'vitest';
import { rankedBarOption, sideBySideOption } from './compare.ts';
import { measureById } from '../queries/measures.ts';
import type { RankRow } from '../queries/compare.ts';
import { drawChart, textsAt } from '../../testing/chart-svg.ts';
import { REPORT_COLORS } from './palette.ts';

describe('compare charts', () => {
  const row = (id: string, agency: string, value: number | null, synthetic = true): RankRow => ({
    id, agency, level: null, region: null, year: 2023, template: '2021', synthetic, value, num: null, den: null, state: value === null ? 'blank' : 'value',
  });

  it('ranks only reports with a value, highest on top, carrying the report id', () => {
    const option = rankedBarOption([row('a', '示例省甲市', 30), row('b', '示例省乙市', 12), row('c', '示例省丙市', null)], measureById('applications'), 'zh', 20);
    const yAxis = option.yAxis as { data: string[] };
    expect(yAxis.data).toEqual(['示例省乙市', '示例省甲市']);
    expect((option.series as { data: { id: string }[] }[])[0].data.map((d) => d.id)).toEqual(['b', 'a']);
    const chart = drawChart(option);
    // each value is printed at the end of its own agency's bar
    const labelOf = (agency: string) => textsAt(chart, { y: chart.pixel({ yAxisIndex: 0 }, agency) as number }).filter((t) => t !== agency);
    expect(labelOf('示例省甲市')).toEqual(['30']);
    expect(labelOf('示例省乙市')).toEqual(['12']);
  });

  it('marks the reader\'s own reports by name and colour', () => {
    const option = rankedBarOption([row('a', '示例省甲市', 30), row('b', '示例县某局', 12, false)], measureById('applications'), 'en', 20, new Set(['b']));
    expect((option.yAxis as { data: string[] }).data).toEqual(['示例县某局 (yours)', '示例省甲市']);
    const colors = (option.series as { data: { itemStyle: { color: string } }[] }[])[0].data.map((d) => d.itemStyle.color);
    expect(colors).toEqual([REPORT_COLORS.own, REPORT_COLORS.synthetic]);
  });

  it('shows rates as percentages side by side, a missing year without a bar', () => {
    const option = sideBySideOption(
      [{ agency: '甲', year: 2022, value: 0.5 }, { agency: '乙', year: 2022, value: 0.25 }, { agency: '甲', year: 2023, value: 0.75 }],
      ['甲', '乙'], measureById('disclosure_rate'), 'en',
    );
    expect((option.series as { data: unknown[] }[])[1].data).toEqual([0.25, null]);
    const chart = drawChart(option);
    // the value axis is in percent, from 0% to a rate of 1 at 100%
    expect(textsAt(chart, { y: chart.pixel({ yAxisIndex: 0 }, 1) as number })).toEqual(['100%']);
    expect(textsAt(chart, { y: chart.pixel({ yAxisIndex: 0 }, 0) as number })).toEqual(['0%']);
  });
});
