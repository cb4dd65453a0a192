import { describe, expect, it } from 'vitest';
import { BASE_OPTION, echarts, type ChartOption } from './echarts.ts';
import { rankedBarOption, sideBySideOption } from './compare.ts';
import { measureById } from '../queries/measures.ts';
import type { RankRow } from '../queries/compare.ts';

function renderSvg(option: ChartOption, height = 300): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height });
  chart.setOption({ ...BASE_OPTION, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

describe('compare charts', () => {
  const row = (id: string, agency: string, value: number | null, synthetic = true): RankRow => ({
    id, agency, level: null, region: null, year: 2023, template: '2021', synthetic, value, num: null, den: null, state: value === null ? 'blank' : 'value',
  });

  it('ranks only reports with a value, highest on top, carrying the report id', () => {
    const option = rankedBarOption([row('a', '示例省甲市', 30), row('b', '示例省乙市', 12), row('c', '示例省丙市', null)], measureById('applications'), 'zh', 20);
    const yAxis = option.yAxis as { data: string[] };
    expect(yAxis.data).toEqual(['示例省乙市', '示例省甲市']);
    expect((option.series as { data: { id: string }[] }[])[0].data.map((d) => d.id)).toEqual(['b', 'a']);
    expect(renderSvg(option)).toContain('30');
  });

  it('shows rates as percentages side by side, a missing year without a bar', () => {
    const option = sideBySideOption(
      [{ agency: '甲', year: 2022, value: 0.5 }, { agency: '乙', year: 2022, value: 0.25 }, { agency: '甲', year: 2023, value: 0.75 }],
      ['甲', '乙'], measureById('disclosure_rate'), 'en',
    );
    expect((option.series as { data: unknown[] }[])[1].data).toEqual([0.25, null]);
    expect(renderSvg(option)).toContain('100%');
  });
});
