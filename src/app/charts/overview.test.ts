import { describe, expect, it } from 'vitest';
import { BASE_OPTION, echarts, type ChartOption } from './echarts.ts';
import { applicationsByYearOption, failedRulesOption, reportsByYearOption } from './overview.ts';

function renderSvg(option: ChartOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
  chart.setOption({ ...BASE_OPTION, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

describe('overview charts', () => {
  it('stacks reports per year by template and labels each bar with its count', () => {
    const option = reportsByYearOption([
      { year: 2020, template: '2019', reports: 300 },
      { year: 2020, template: '2021', reports: 1 },
      { year: 2021, template: '2021', reports: 298 },
    ], 'zh');
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series.map((s) => s.name)).toEqual(['2019版（试行）', '2021版']);
    // 2021 had no 2019-template report: no bar, not a zero bar
    expect(series[0].data).toEqual([300, null]);
    const svg = renderSvg(option);
    for (const label of ['300', '298', '2019版（试行）']) expect(svg).toContain(label);
  });

  it('draws applications in 万 in Chinese and leaves an unknown year empty', () => {
    const option = applicationsByYearOption([
      { year: 2023, applications: 21780, disclosure_rate: 0.553 },
      { year: 2024, applications: null, disclosure_rate: null },
    ], 'zh');
    const svg = renderSvg(option);
    expect(svg).toContain('2.18万');
    expect((option.series as { data: unknown[] }[])[0].data).toEqual([21780, null]);
  });

  it('names each failed rule in the chosen language', () => {
    const rows = [{ rule: 't3.balance', severity: 'hard', reports: 18 }, { rule: 't2.total_ge_new', severity: 'soft', reports: 3 }];
    expect(renderSvg(failedRulesOption(rows, 'en'))).toContain('New + carried in = outcomes total + carried out');
    const svg = renderSvg(failedRulesOption(rows, 'zh'));
    expect(svg).toContain('新收 + 上年结转 = 办理结果总计 + 结转下年度');
    expect(svg).toContain('18');
  });
});
