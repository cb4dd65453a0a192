import { describe, expect, it } from 'vitest';
import type { ChartOption } from './echarts.ts';
import { drawChart } from '../../testing/chart-svg.ts';
import { reviewRankOption, reviewResultsOption, reviewTrendOption } from './review.ts';
import { SMALL_N_COLOR } from './palette.ts';
import type { ReviewCellRow, ReviewReportRow } from '../queries/review.ts';

const render = (option: ChartOption): string => drawChart(option, { width: 640, height: 360 }).svg;

type Series = { name: string; data: (number | null)[] }[];
const c = (row: ReviewCellRow['row'], col: string, value: number | null): ReviewCellRow => ({ row, col, value, n_reported: 1, n_empty: 0 });

describe('reviewResultsOption', () => {
  it('stacks the four results for each case type, leaving blanks as null', () => {
    const option = reviewResultsOption([c('review', 'upheld', 72), c('review', 'corrected', 64), c('review', 'other', 178), c('review', 'pending', 37), c('lit_direct', 'upheld', 13), c('lit_after_review', 'pending', null)], { lang: 'zh' });
    const series = option.series as Series;
    expect(series.map((s) => s.name)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结']);
    expect(series[0].data).toEqual([72, 13, null]);
    expect(series[3].data).toEqual([37, null, null]);
    const svg = render(option);
    expect(svg).toContain('未经复议直接起诉');
  });
});

describe('reviewTrendOption', () => {
  it('draws reviews, lawsuits and the correction rate by year', () => {
    const option = reviewTrendOption([
      { year: 2022, reports: 3, review_cases: 10, lawsuits: 4, review_correction_rate: 0.25 },
      { year: 2023, reports: 3, review_cases: null, lawsuits: 0, review_correction_rate: null },
    ], { lang: 'en' });
    const series = option.series as Series;
    expect(series.map((s) => s.name)).toEqual(['Administrative reviews', 'Lawsuits', 'Review correction rate']);
    expect(series[0].data).toEqual([10, null]);
    expect(series[2].data).toEqual([0.25, null]);
    expect(render(option)).toContain('2023');
  });
});

describe('reviewRankOption', () => {
  const state = (v: number | null) => (v === null ? 'blank' : 'value') as ReviewReportRow['review_cases__state'];
  const report = (id: string, total: number | null, rate: number | null, closed: number | null = null): ReviewReportRow => ({
    id, agency: `示例省${id}局`, level: null, region: '示例省', year: 2022, template: '2021', synthetic: true,
    review_cases: total, review_cases__state: state(total), review_corrected: null, review_corrected__state: 'blank',
    review_correction_rate: rate, review_correction_rate__den: closed, review_correction_rate__state: state(rate),
    lawsuits: null, lawsuits__state: 'blank', litigation_correction_rate: null, litigation_correction_rate__state: 'blank',
  });

  it('ranks by the chosen measure, leaves out blanks, and carries report ids', () => {
    const rows = [report('a', 5, 0.2), report('b', null, null), report('c', 9, 0.1)];
    const byTotal = (reviewRankOption(rows, { lang: 'zh', measure: 'review_cases' }).series as { data: { id: string; value: number }[] }[])[0].data;
    expect(byTotal.map((d) => [d.id, d.value])).toEqual([['c', 9], ['a', 5]]);
    const option = reviewRankOption(rows, { lang: 'en', measure: 'review_correction_rate' });
    expect((option.series as { data: { id: string }[] }[])[0].data.map((d) => d.id)).toEqual(['a', 'c']);
    expect(render(option)).toContain('20.0%');
  });

  it('shows n beside each rate, draws small-n rates apart, and leaves out those under the chosen minimum', () => {
    const closed = (id: string, upheld: number, corrected: number): ReviewReportRow =>
      ({ ...report(id, upheld + corrected, corrected / (upheld + corrected), upheld + corrected), review_corrected: corrected });
    const rows = [closed('one', 0, 1), closed('many', 15, 5)];
    const all = reviewRankOption(rows, { lang: 'zh', measure: 'review_correction_rate' });
    const bars = (all.series as { data: { id: string; itemStyle?: { color: string } }[] }[])[0].data;
    expect(bars.map((d) => [d.id, d.itemStyle?.color ?? 'strong'])).toEqual([['one', SMALL_N_COLOR], ['many', 'strong']]);
    expect(render(all)).toContain('100.0% (n=1)');
    expect(render(all)).toContain('25.0% (n=20)');
    const atLeastFive = reviewRankOption(rows, { lang: 'zh', measure: 'review_correction_rate', minClosed: 5 });
    expect((atLeastFive.series as { data: { id: string }[] }[])[0].data.map((d) => d.id)).toEqual(['many']);
  });
});
