import { describe, expect, it } from 'vitest';
import type { ChartOption } from './echarts.ts';
import { drawChart } from '../../testing/chart-svg.ts';
import { newMediaPlatformOption, newMediaRankOption, newMediaTrendOption } from './newmedia.ts';
import type { NewMediaAccountRow, NewMediaPlatformRow } from '../queries/newmedia.ts';

const render = (option: ChartOption): string => drawChart(option, { width: 640, height: 360 }).svg;

const row = (platform: string, year: number, followers: number | null, posts: number | null): NewMediaPlatformRow => ({
  platform, year, n_accounts: 1, n_reports: 1, followers, posts, n_with_followers: followers === null ? 0 : 1, n_with_posts: posts === null ? 0 : 1, n_posts_cumulative: 0, n_followers_jumps: 0,
});
const ROWS = [row('weibo', 2020, 90, 1500), row('wechat', 2020, 14000, 180), row('wechat', 2021, 16000, 200), row('douyin', 2021, 30000, null)];

describe('newMediaPlatformOption', () => {
  it('shows one year per platform in a fixed platform order, unstated figures as null', () => {
    const option = newMediaPlatformOption(ROWS, { lang: 'zh', measure: 'posts', year: 2021 });
    const [bars] = option.series as { data: { name: string; value: number | null }[] }[];
    expect(bars.data.map((d) => [d.name, d.value])).toEqual([['微信', 200], ['抖音', null]]);
    expect(render(option)).toContain('微信');
  });
});

describe('newMediaTrendOption', () => {
  it('draws one line per platform with gaps for years without the figure', () => {
    const option = newMediaTrendOption(ROWS, { lang: 'en', measure: 'followers' });
    const series = option.series as { name: string; data: (number | null)[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([['WeChat', [14000, 16000]], ['Weibo', [90, null]], ['Douyin', [null, 30000]]]);
    expect(render(option)).toContain('Douyin');
  });
});

describe('newMediaRankOption', () => {
  const account = (report_id: string, year: number, followers: number | null, posts: number | null, posts_cumulative = false): NewMediaAccountRow => ({
    report_id, agency: `示例省${report_id}局`, year, synthetic: true, platform: 'wechat', account: `${report_id}微信公众号`, followers, posts, posts_cumulative, approx: false, evidence: '', followers_jump: null,
  });

  it('ranks one year\'s accounts by the measure, skipping accounts that do not state it', () => {
    const rows = [account('a', 2022, 100, 5), account('b', 2022, null, 9), account('c', 2022, 300, null), account('d', 2021, 900, 1)];
    const bars = (newMediaRankOption(rows, { lang: 'zh', measure: 'followers', year: 2022 }).series as { data: { id: string; value: number }[] }[])[0].data;
    expect(bars.map((d) => [d.id, d.value])).toEqual([['c', 300], ['a', 100]]);
    const posts = newMediaRankOption(rows, { lang: 'zh', measure: 'posts', year: 2022 });
    expect((posts.series as { data: { id: string }[] }[])[0].data.map((d) => d.id)).toEqual(['b', 'a']);
    expect(render(posts)).toContain('b微信公众号');
  });

  it('does not rank a running total of posts, and names a bare account by its agency', () => {
    const rows = [account('a', 2022, null, 5), account('e', 2022, null, 5000, true), { ...account('f', 2022, null, 7), account: '“示例发布”公众号' }];
    const option = newMediaRankOption(rows, { lang: 'zh', measure: 'posts', year: 2022 });
    expect((option.yAxis as { data: string[] }).data).toEqual(['示例发布（微信）', '示例省a局 a微信公众号（微信）']);
  });
});
