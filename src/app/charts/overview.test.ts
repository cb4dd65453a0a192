import { describe, expect, it } from 'vitest';
import { applicationsByYearOption, failedRulesOption, reportsByYearOption } from './overview.ts';
import { drawChart, textsAt } from '../../testing/chart-svg.ts';

const renderSvg = (option: Parameters<typeof drawChart>[0]) => drawChart(option).svg;

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
    const chart = drawChart(option);
    // each count is printed on its own year's bar, not on the value axis
    const onBar = (year: string) => textsAt(chart, { x: chart.pixel({ xAxisIndex: 0 }, year) as number }).filter((t) => t !== year);
    expect(onBar('2020')).toEqual(['300', '1']);
    expect(onBar('2021')).toEqual(['298']);
    expect(chart.texts.map((t) => t.text)).toEqual(expect.arrayContaining(['2019版（试行）', '2021版']));
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
    const chart = drawChart(failedRulesOption(rows, 'zh'));
    const balance = '新收 + 上年结转 = 办理结果总计 + 结转下年度';
    expect(chart.texts.map((t) => t.text)).toContain(balance);
    // each count is printed beside its own rule's bar
    const beside = (rule: string) => textsAt(chart, { y: chart.pixel({ yAxisIndex: 0 }, rule) as number }, 2);
    expect(beside(balance)).toEqual(['18']);
    expect(beside('对外公开总数量 ≥ 本年新公开数量')).toEqual(['3']);
  });
});
