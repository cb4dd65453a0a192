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

async function tableSums(where = 'TRUE') {
  const [r] = await nativeQuery<{ amount: number | null; projects: number | null; n2021: number }>(
    `SELECT
       (SELECT sum(c.value) FROM cells c JOIN reports r ON r.id = c.report_id WHERE c."table" = 't2' AND c."row" = 'centralized_procurement' AND c.col = 'procurement_amount' AND ${where}) AS amount,
       (SELECT sum(c.value) FROM cells c JOIN reports r ON r.id = c.report_id WHERE c."table" = 't2' AND c."row" = 'centralized_procurement' AND c.col = 'procurement_projects' AND ${where}) AS projects,
       (SELECT count(*) FROM reports r WHERE r.template = '2021' AND ${where}) AS n2021`,
  );
  return r;
}

describe('Procurement', () => {
  it('sums table 2 （九） of the 2019-template reports and marks 2021-template years as not applicable', async () => {
    await goTo(app.page, '#/procurement');
    const sums = await tableSums();
    expect(await figure(app.page, 'table_amount')).toBeCloseTo(sums.amount ?? NaN, 4);
    expect(await figure(app.page, 'table_projects')).toBe(sums.projects);
    expect(await figure(app.page, 'not_applicable')).toBe(sums.n2021);

    const trend = await chartTexts(app.page, 'procurement-trend');
    const naYears = await nativeQuery<{ year: number }>(`SELECT year FROM reports WHERE year IS NOT NULL GROUP BY year HAVING count(*) FILTER (WHERE template = '2019') = 0 ORDER BY year`);
    expect(trend.filter((t) => t === '无此项')).toHaveLength(naYears.length);

    const [top] = await nativeQuery<{ agency: string; year: number; amount: number }>(
      `SELECT r.agency, r.year, c.value AS amount FROM cells c JOIN reports r ON r.id = c.report_id
       WHERE c."table" = 't2' AND c."row" = 'centralized_procurement' AND c.col = 'procurement_amount' AND c.value IS NOT NULL ORDER BY c.value DESC LIMIT 1`,
    );
    // Labels are cut from the front so the year stays: the end of "<agency> <year>" shows.
    const ending = `${top.agency} ${top.year}`.slice(-8);
    expect((await chartTexts(app.page, 'procurement-rank')).some((t) => t.endsWith(ending))).toBe(true);
    const firstAmount = await app.page.locator('[data-testid=procurement-reports] tbody tr').first().locator('td[data-amount]').getAttribute('data-amount');
    expect(firstAmount === '' ? null : Number(firstAmount)).not.toBe(0);
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests()).toEqual([]);
  }, 240_000);

  it('shows not applicable, never 0, when only 2021-template reports are selected', async () => {
    await goTo(app.page, '#/procurement');
    await afterRedraw(app.page, 'procurement-trend', () => app.page.selectOption('[data-filter=template]', '2021'));
    expect(app.page.url()).toContain('tpl=2021');
    expect(await figure(app.page, 'table_amount')).toBeNull();
    expect(await app.page.locator('[data-figure=table_amount] strong').textContent()).toBe('不适用');
    await app.page.locator('[data-testid=procurement-na]').waitFor();
    const reopened = await browser.open(new URL(app.page.url()).hash);
    await waitForIdle(reopened.page);
    expect(await reopened.page.locator('[data-figure=table_amount] strong').textContent()).toBe('不适用');
    await reopened.close();
    await app.page.goBack();
    await waitForIdle(app.page);
    expect(await figure(app.page, 'table_amount')).not.toBeNull();
    expect(app.consoleErrors).toEqual([]);
  }, 240_000);

  it('a year filter updates the charts and a bar opens its report', async () => {
    await goTo(app.page, '#/procurement');
    const [y] = await nativeQuery<{ year: number }>(`SELECT min(year) AS year FROM reports WHERE template = '2019'`);
    await afterRedraw(app.page, 'procurement-rank', () => app.page.selectOption('[data-filter=to]', String(y.year)));
    const sums = await tableSums(`r.year <= ${y.year}`);
    expect(await figure(app.page, 'table_amount')).toBeCloseTo(sums.amount ?? NaN, 4);
    await openReportFromBar(app.page, 'procurement-rank', [MEASURE_COLORS.procurement]);
    await app.page.waitForURL(/#\/report\//);
    await app.page.locator('[data-view=report] [data-cell="t2.centralized_procurement.procurement_amount"]').waitFor();
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests()).toEqual([]);
  }, 240_000);

  it('is usable in English and at 375 px', async () => {
    await screenshotsAllSizes(app, '#/procurement', 'procurement', async (page, lang) => {
      expect(await page.locator('[data-view=procurement] .note').textContent()).toContain(lang === 'en' ? '2021 template dropped it' : '2021版模板已删去此项');
    });
  }, 300_000);
});
