import { describe, expect, it } from 'vitest';
import { describeChart } from './describe.ts';
import { reviewTrendOption } from './review.ts';
import { outcomesFlowOption } from './outcomes.ts';
import type { ChartOption } from './echarts.ts';

describe('describeChart', () => {
  it('lists each series by year in the UI language, formatted as the chart formats it, a gap said as missing', () => {
    const option = reviewTrendOption([
      { year: 2022, reports: 3, review_cases: 1200, lawsuits: 4, review_correction_rate: 0.25 },
      { year: 2023, reports: 3, review_cases: null, lawsuits: 0, review_correction_rate: null },
    ], { lang: 'en' });
    const text = describeChart(option, 'en');
    expect(text).toContain('Administrative reviews: 2022 1,200, 2023 no figure');
    expect(text).toContain('Review correction rate: 2022 25.0%, 2023 no figure');
    expect(text).not.toMatch(/NaN|null|undefined/);
    const zh = describeChart(reviewTrendOption([{ year: 2022, reports: 1, review_cases: 5, lawsuits: 2, review_correction_rate: 0.5 }], { lang: 'zh' }), 'zh');
    expect(zh).toContain('行政复议：2022 5');
    expect(zh).toMatch(/[。]$/);
  });

  it('summarises a long series by its ends, highest and lowest', () => {
    const years = Array.from({ length: 20 }, (_, i) => 2000 + i);
    const option: ChartOption = {
      xAxis: { type: 'category', data: years.map(String) },
      yAxis: { type: 'value' },
      series: [{ type: 'line', name: 'Posts', data: years.map((y) => (y === 2007 ? 900 : y === 2011 ? null : y - 1990)) }],
    };
    const text = describeChart(option, 'en');
    expect(text).toContain('20 points');
    expect(text).toContain('from 2000 10 to 2019 29');
    expect(text).toContain('highest 2007 900');
    expect(text).toContain('lowest 2000 10');
  });

  it('reads a flow chart as its links, and says when a chart has nothing', () => {
    const flow = outcomesFlowOption([
      { row: 'new_received', col: 'total', value: 10, n_reported: 1, n_empty: 0 },
      { row: 'granted', col: 'total', value: 6, n_reported: 1, n_empty: 0 },
    ], { lang: 'zh', col: 'total' });
    const text = describeChart(flow, 'zh');
    expect(text).toContain('→');
    expect(text).not.toContain('NaN');
    expect(describeChart({ series: [] }, 'en')).toBe('The chart has no data.');
  });
});
