import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chartTexts, goTo, nativeQuery, openAppPage, waitForIdle, type AppPage, type Browser } from './harness.ts';
import { afterRedraw, figure, openReportFromBar, screenshotsAllSizes } from './views-helpers.ts';
import { MEASURE_COLORS } from '../../src/app/charts/palette.ts';

let browser: Browser;
let app: AppPage;
beforeAll(async () => {
  ({ browser, app } = await openAppPage(inject('baseUrl')));
});
afterAll(async () => {
  await browser?.close();
});

async function yearSums(year: number, where = 'TRUE') {
  const [r] = await nativeQuery<{ followers: number | null; posts: number | null; accounts: number }>(
    `SELECT sum(m.value) FILTER (WHERE m."key" = 'newmedia_followers') AS followers, sum(m.value) FILTER (WHERE m."key" = 'newmedia_posts') AS posts,
       count(DISTINCT (m.report_id, coalesce(m.platform, 'other'), m.account)) AS accounts
     FROM metrics m JOIN reports r ON r.id = m.report_id WHERE m."key" IN ('newmedia_followers', 'newmedia_posts') AND r.year = ${year} AND ${where}`,
  );
  return r;
}

const latestYear = async (where = 'TRUE') =>
  (await nativeQuery<{ y: number }>(`SELECT max(r.year) AS y FROM metrics m JOIN reports r ON r.id = m.report_id WHERE m."key" IN ('newmedia_followers', 'newmedia_posts') AND ${where}`))[0].y;

describe('New media', () => {
  it('shows the latest year’s followers and posts per platform with the real figures', async () => {
    await goTo(app.page, '#/newmedia');
    const year = await latestYear();
    const sums = await yearSums(year);
    expect(await app.page.inputValue('[data-control=nm_year]')).toBe(String(year));
    expect(await figure(app.page, 'followers')).toBe(sums.followers);
    expect(await figure(app.page, 'posts')).toBe(sums.posts);
    expect(await figure(app.page, 'accounts')).toBe(sums.accounts);
    const platforms = await nativeQuery<{ platform: string }>(
      `SELECT DISTINCT m.platform FROM metrics m JOIN reports r ON r.id = m.report_id WHERE m."key" = 'newmedia_followers' AND r.year = ${year}`,
    );
    const names: Record<string, string> = { wechat: '微信', weibo: '微博', douyin: '抖音', toutiao: '头条号', video_channel: '视频号', app: '客户端', other: '其他' };
    const texts = await chartTexts(app.page, 'newmedia-platforms');
    for (const { platform } of platforms) expect(texts).toContain(names[platform]);
    const rows = await app.page.locator('[data-testid=newmedia-accounts] tbody tr').count();
    expect(rows).toBe(Math.min(50, sums.accounts));
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests()).toEqual([]);
  }, 240_000);

  it('measure, year and filters live in the URL and update every chart; a bar opens its report', async () => {
    await goTo(app.page, '#/newmedia');
    await afterRedraw(app.page, 'newmedia-platforms', () => app.page.getByRole('button', { name: '发布信息' }).click());
    expect(app.page.url()).toContain('nm_measure=posts');
    const years = await nativeQuery<{ y: number }>(`SELECT DISTINCT r.year AS y FROM metrics m JOIN reports r ON r.id = m.report_id WHERE m."key" = 'newmedia_posts' ORDER BY 1`);
    const early = years[0].y;
    await afterRedraw(app.page, 'newmedia-rank', () => app.page.selectOption('[data-control=nm_year]', String(early)));
    expect(app.page.url()).toContain(`nm_year=${early}`);
    expect(await figure(app.page, 'posts')).toBe((await yearSums(early)).posts);

    const [level] = await nativeQuery<{ level: string }>(
      `SELECT r.level FROM metrics m JOIN reports r ON r.id = m.report_id WHERE m."key" = 'newmedia_posts' AND r.year = ${early} GROUP BY 1 ORDER BY count(*), 1 LIMIT 1`,
    );
    await afterRedraw(app.page, 'newmedia-platforms', () => app.page.selectOption('[data-filter=level]', level.level));
    const filtered = await yearSums(early, `r.level = '${level.level}'`);
    expect(await figure(app.page, 'posts')).toBe(filtered.posts);

    const reopened = await browser.open(new URL(app.page.url()).hash);
    await waitForIdle(reopened.page);
    expect(await figure(reopened.page, 'posts')).toBe(filtered.posts);
    expect(await reopened.page.getByRole('button', { name: '发布信息' }).getAttribute('aria-pressed')).toBe('true');
    await reopened.close();

    await openReportFromBar(app.page, 'newmedia-rank', [MEASURE_COLORS.posts, MEASURE_COLORS.followers]);
    await app.page.waitForURL(/#\/report\//);
    await app.page.locator('[data-view=report] [data-testid=metrics]').waitFor();
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests()).toEqual([]);
  }, 240_000);

  it('is usable in English and at 375 px', async () => {
    await screenshotsAllSizes(app, '#/newmedia', 'newmedia', async (page, lang) => {
      expect(await chartTexts(page, 'newmedia-platforms')).toContain(lang === 'en' ? 'WeChat' : '微信');
    });
  }, 300_000);
});
