/** Chart options for the new-media view: followers (a stock) and posts (a flow) per platform. */
import type { ChartOption } from './echarts.ts';
import { formatCompact, formatNumber, type Lang } from '../format.ts';
import { platformName } from '../i18n/labels.ts';
import type { NewMediaAccountRow, NewMediaMeasure, NewMediaPlatformRow } from '../queries/newmedia.ts';
import { tooltipHtml } from './tooltip.ts';
import { agencyAxisLabel } from './agency-labels.ts';
import { MEASURE_COLORS, seriesColor, seriesSymbol } from './palette.ts';


export const PLATFORM_ORDER = ['wechat', 'weibo', 'douyin', 'toutiao', 'video_channel', 'app', 'other'] as const;

const platformsIn = (rows: readonly NewMediaPlatformRow[]) => PLATFORM_ORDER.filter((p) => rows.some((r) => r.platform === p));

/** One bar per platform for one year: the measure summed over the accounts that state it. */
export function newMediaPlatformOption(rows: readonly NewMediaPlatformRow[], opts: { lang: Lang; measure: NewMediaMeasure; year: number }): ChartOption {
  const { lang, measure, year } = opts;
  const ofYear = rows.filter((r) => r.year === year);
  const platforms = platformsIn(ofYear);
  return {
    tooltip: { trigger: 'item', formatter: (p: unknown) => {
      const d = (p as { data: { value: number | null; name: string; accounts: number; stated: number } }).data;
      const accounts = lang === 'zh' ? `${d.stated}/${d.accounts} 个账号有此数字` : `${d.stated} of ${d.accounts} accounts state it`;
      return tooltipHtml`${d.name}: ${formatNumber(d.value, lang, 'missing')}<br>${accounts}`;
    } },
    grid: { left: 8, right: 16, top: 16, bottom: 8 },
    xAxis: { type: 'category', data: platforms.map((p) => platformName(p, lang)) },
    yAxis: { type: 'value', axisLabel: { hideOverlap: true, formatter: (v: number) => formatCompact(v, lang) } },
    series: [{
      type: 'bar',
      itemStyle: { color: MEASURE_COLORS[measure] },
      label: { show: true, position: 'top', formatter: (p: unknown) => formatCompact((p as { value: number | null }).value, lang, 'missing') },
      data: platforms.map((p) => {
        const r = ofYear.find((x) => x.platform === p)!;
        return { name: platformName(p, lang), value: r[measure], accounts: r.n_accounts, stated: measure === 'followers' ? r.n_with_followers : r.n_with_posts };
      }),
    }],
  };
}

/** One line per platform over the years; a year with no stated figure is a gap. */
export function newMediaTrendOption(rows: readonly NewMediaPlatformRow[], opts: { lang: Lang; measure: NewMediaMeasure }): ChartOption {
  const { lang, measure } = opts;
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => formatNumber(v as number | null, lang, 'missing') },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 88, top: 36, bottom: 8 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', axisLabel: { hideOverlap: true, formatter: (v: number) => formatCompact(v, lang) } },
    series: platformsIn(rows).map((p, i) => ({
      type: 'line' as const,
      name: platformName(p, lang),
      connectNulls: false,
      symbol: seriesSymbol(i),
      symbolSize: 7,
      itemStyle: { color: seriesColor(i) },
      endLabel: { show: true, formatter: ({ seriesName }: { seriesName?: string }) => seriesName ?? '', color: seriesColor(i) },
      labelLayout: { moveOverlap: 'shiftY' as const },
      data: years.map((y) => rows.find((r) => r.platform === p && r.year === y)?.[measure] ?? null),
    })),
  };
}

/** A quoted name says whose account it is; a bare "微信公众号" needs its agency beside it. */
function accountLabel(r: NewMediaAccountRow): string {
  const quoted = /[“「]([^“”「」]+)[”」]/u.exec(r.account ?? '');
  if (quoted) return quoted[1];
  return [r.agency, r.account].filter(Boolean).join(' ') || r.report_id;
}

/** The accounts with the largest figure in one year, one bar each, carrying the report id for the click. */
export function newMediaRankOption(rows: readonly NewMediaAccountRow[], opts: { lang: Lang; measure: NewMediaMeasure; year: number; limit?: number }): ChartOption {
  const { lang, measure, year } = opts;
  // A running total of posts is not ranked against years' posts.
  const comparable = (r: NewMediaAccountRow) => r[measure] !== null && !(measure === 'posts' && r.posts_cumulative);
  const top = rows.filter((r) => r.year === year && comparable(r)).sort((a, b) => b[measure]! - a[measure]!).slice(0, opts.limit ?? 15);
  const name = (r: NewMediaAccountRow) => `${accountLabel(r)}（${platformName(r.platform, lang)}）`;
  return {
    tooltip: { trigger: 'item', formatter: (p: unknown) => {
      const d = (p as { data: { value: number; agency: string; approx: boolean } }).data;
      return tooltipHtml`${d.agency}<br>${formatNumber(d.value, lang)}${d.approx ? (lang === 'zh' ? '（约数）' : ' (approx.)') : ''}`;
    } },
    grid: { left: 8, right: 48, top: 8, bottom: 8 },
    xAxis: { type: 'value', axisLabel: { hideOverlap: true, formatter: (v: number) => formatCompact(v, lang) } },
    yAxis: { type: 'category', inverse: true, data: top.map(name), axisLabel: { formatter: (label: string) => agencyAxisLabel(label, 16) } },
    series: [{
      type: 'bar',
      itemStyle: { color: MEASURE_COLORS[measure] },
      label: { show: true, position: 'right', formatter: (p: unknown) => formatCompact((p as { value: number }).value, lang) },
      data: top.map((r) => ({ name: name(r), value: r[measure]!, id: r.report_id, agency: `${r.agency ?? r.report_id} ${r.year ?? ''}`, approx: r.approx })),
    }],
  };
}
