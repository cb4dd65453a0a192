import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chartTexts, goTo, nativeQuery, openAppPage, waitForIdle, type AppPage, type Browser } from './harness.ts';
import { afterRedraw, chartAndLegendTexts, digits, figure, openReportFromBar, pooled, screenshotsAllSizes } from './views-helpers.ts';
import { MEASURE_COLORS, SMALL_N_COLOR } from '../../src/app/charts/palette.ts';

let browser: Browser;
let app: AppPage;
beforeAll(async () => {
  ({ browser, app } = await openAppPage(inject('baseUrl')));
});
afterAll(async () => {
  await browser?.close();
});

/** Independent of the app's SQL: table 4 summed per row and column over the reports matching `where`. */
async function t4(where = 'TRUE'): Promise<(row: string, col: string) => number | null> {
  const rows = await nativeQuery<{ row: string; col: string; v: number | null }>(
    `SELECT c."row", c.col, sum(c.value) AS v FROM cells c JOIN reports r ON r.id = c.report_id WHERE c."table" = 't4' AND ${where} GROUP BY 1, 2`,
  );
  return (row, col) => rows.find((r) => r.row === row && r.col === col)?.v ?? null;
}

describe('Review and litigation', () => {
  it('shows table 4 with the real figures, the correction rate and its formula', async () => {
    await goTo(app.page, '#/review');
    const v = await t4();
    expect(await figure(app.page, 'review_cases')).toBe((await pooled(['t4.review.total'])).num);
    expect(await figure(app.page, 'lawsuits')).toBe((await pooled(['t4.lit_direct.total', 't4.lit_after_review.total'])).num);
    const rate = await pooled(['t4.review.corrected'], ['t4.review.upheld', 't4.review.corrected', 't4.review.other']);
    expect(await figure(app.page, 'review_correction_rate')).toBeCloseTo(rate.num! / rate.den!, 9);
    expect(await app.page.locator('[data-figure=review_correction_rate]').textContent()).toContain('仅计已审结');
    for (const row of ['review', 'lit_direct', 'lit_after_review']) {
      for (const col of ['upheld', 'corrected', 'pending', 'total']) {
        expect(digits(await app.page.locator(`[data-testid=review-table] tr[data-row=${row}] td[data-col=${col}]`).textContent())).toBe(v(row, col));
      }
    }
    const results = (await chartTexts(app.page, 'review-results')).join('');
    for (const label of ['行政复议', '未经复议直接起诉', '复议后起诉', '结果纠正']) expect(results).toContain(label);

    const [top] = await nativeQuery<{ v: number }>(`SELECT max(c.value) AS v FROM cells c JOIN reports r ON r.id = c.report_id WHERE c."table" = 't4' AND c."row" = 'review' AND c.col = 'total'`);
    expect(await chartTexts(app.page, 'review-rank')).toContain(String(top.v));
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests()).toEqual([]);
  }, 240_000);

  it('a filter updates every chart, the URL is a permalink, a bar opens its report', async () => {
    await goTo(app.page, '#/review');
    const before = await chartTexts(app.page, 'review-results');
    await afterRedraw(app.page, 'review-results', () => app.page.selectOption('[data-filter=template]', '2019'));
    expect(app.page.url()).toContain('tpl=2019');
    expect(await figure(app.page, 'review_cases')).toBe((await pooled(['t4.review.total'], [], `r.template = '2019'`)).num);
    expect(await chartTexts(app.page, 'review-results')).not.toEqual(before);
    const trendYears = (await chartTexts(app.page, 'review-trend')).filter((t) => /^20\d\d$/.test(t));
    const years = await nativeQuery<{ year: number }>(`SELECT DISTINCT year FROM reports WHERE template = '2019' ORDER BY year`);
    expect(trendYears).toEqual(years.map((y) => String(y.year)));

    await afterRedraw(app.page, 'review-rank', () => app.page.selectOption('[data-control=rv_rank]', 'review_correction_rate'));
    expect(app.page.url()).toContain('rv_rank=review_correction_rate');
    const reopened = await browser.open(new URL(app.page.url()).hash);
    await waitForIdle(reopened.page);
    expect(await figure(reopened.page, 'review_cases')).toBe((await pooled(['t4.review.total'], [], `r.template = '2019'`)).num);
    expect(await reopened.page.inputValue('[data-control=rv_rank]')).toBe('review_correction_rate');
    await reopened.close();

    // Rate bars: the rate's colour, or paler when fewer than five cases were closed.
    await openReportFromBar(app.page, 'review-rank', [MEASURE_COLORS.review_correction_rate, SMALL_N_COLOR]);
    await app.page.waitForURL(/#\/report\//);
    await app.page.locator('[data-view=report] table[data-table=t4]').waitFor();
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests()).toEqual([]);
  }, 240_000);

  it('is usable in English and at 375 px', async () => {
    await screenshotsAllSizes(app, '#/review', 'review', async (page, lang) => {
      expect(await chartAndLegendTexts(page, 'review-results')).toContain(lang === 'en' ? 'Corrected' : '结果纠正');
    });
  }, 300_000);
});
