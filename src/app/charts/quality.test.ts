import { describe, expect, it } from 'vitest';
import { qualityRuleOption } from './quality.ts';
import { drawChart } from '../../testing/chart-svg.ts';

describe('qualityRuleOption', () => {
  it('lists hard rules before soft ones, split by status, each bar carrying its rule id', () => {
    const option = qualityRuleOption([
      { rule: 't2.total_ge_new', severity: 'soft', status: 'fail', n_checks: 1, n_reports: 1 },
      { rule: 't3.balance', severity: 'hard', status: 'uncertain', n_checks: 4, n_reports: 2 },
      { rule: 't3.balance', severity: 'hard', status: 'fail', n_checks: 3, n_reports: 3 },
    ], { lang: 'zh' });
    expect((option.yAxis as { data: string[] }).data).toEqual(['新收 + 上年结转 = 办理结果总计 + 结转下年度', '对外公开总数量 ≥ 本年新公开数量']);
    const series = option.series as { data: { value: number; rule: string }[] }[];
    expect(series[0].data.map((d) => [d.rule, d.value])).toEqual([['t3.balance', 3], ['t2.total_ge_new', 1]]);
    expect(series[1].data.map((d) => d.value)).toEqual([4, 0]);
    expect(drawChart(option, { width: 640, height: 360 }).svg).toContain('不符');
  });
});
