import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chartTexts, goTo, nativeQuery, openAppPage, waitForIdle, type AppPage, type Browser } from './harness.ts';
import { afterRedraw, figure, pooled, screenshotsAllSizes } from './views-helpers.ts';

let browser: Browser;
let app: AppPage;
beforeAll(async () => {
  ({ browser, app } = await openAppPage(inject('baseUrl')));
});
afterAll(async () => {
  await browser?.close();
});

/** Independent of the app's SQL: table 3's total column summed over the reports matching `where`. */
async function t3Total(row: string, where = 'TRUE'): Promise<number | null> {
  const [r] = await nativeQuery<{ v: number | null }>(
    `SELECT sum(c.value) AS v FROM cells c JOIN reports r ON r.id = c.report_id WHERE c."table" = 't3' AND c."row" = '${row}' AND c.col = 'total' AND ${where}`,
  );
  return r.v;
}

describe('Applications by outcome', () => {
  it('shows table 3 of the whole dataset with the real figures, offline and without console errors', async () => {
    await goTo(app.page, '#/outcomes');
    for (const [measure, row] of [['applications', 'new_received'], ['carried_over_in', 'carried_over_in'], ['outcomes', 'outcome_total'], ['carried_over_out', 'carried_over_out']]) {
      expect(await figure(app.page, measure!)).toBe((await pooled([`t3.${row}.total`])).num);
    }
    const rate = await pooled(['t3.granted.total', 't3.partially_granted.total'], ['t3.outcome_total.total']);
    expect(await figure(app.page, 'disclosure_rate')).toBeCloseTo(rate.num! / rate.den!, 9);

    const [denied] = await nativeQuery<{ v: number }>(`SELECT sum(c.value) AS v FROM cells c JOIN reports r ON r.id = c.report_id WHERE c."table" = 't3' AND c."row" LIKE 'denied_%' AND c.col = 'total'`);
    const deniedText = await app.page.locator('[data-testid=outcome-groups] tr[data-group=denied] td.num').textContent();
    expect(Number(deniedText!.replace(/[^\d.]/g, ''))).toBe(denied.v);

    const stack = await chartTexts(app.page, 'outcomes-stack');
    expect(stack).toEqual(expect.arrayContaining(['自然人', '商业企业', '予以公开', '不予公开']));
    expect(await chartTexts(app.page, 'outcomes-flow')).toEqual(expect.arrayContaining(['本年新收', '本年度办理']));
    const years = await nativeQuery<{ year: number }>('SELECT DISTINCT year FROM reports WHERE year IS NOT NULL ORDER BY year');
    const trend = await chartTexts(app.page, 'outcomes-trend');
    for (const { year } of years) expect(trend).toContain(String(year));

    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests()).toEqual([]);
  }, 240_000);

  it('a filter change updates every figure and chart, the URL is a permalink, and back restores', async () => {
    await goTo(app.page, '#/outcomes');
    const [level] = await nativeQuery<{ level: string }>(
      `SELECT r.level FROM reports r JOIN cells c ON c.report_id = r.id AND c."table" = 't3' AND c."row" = 'outcome_total' AND c.col = 'total'
       WHERE r.level IS NOT NULL GROUP BY r.level HAVING sum(c.value) > 0 ORDER BY count(*), r.level LIMIT 1`,
    );
    const before = await chartTexts(app.page, 'outcomes-stack');
    await afterRedraw(app.page, 'outcomes-stack', () => app.page.selectOption('[data-filter=level]', level.level));
    expect(app.page.url()).toContain(`level=${level.level}`);
    const expected = await t3Total('new_received', `r.level = '${level.level}'`);
    expect(await figure(app.page, 'applications')).toBe(expected);
    expect(await chartTexts(app.page, 'outcomes-stack')).not.toEqual(before);

    await afterRedraw(app.page, 'outcomes-stack', () => app.page.getByRole('button', { name: '占比' }).click());
    expect(app.page.url()).toContain('oc_pct=1');
    expect(await chartTexts(app.page, 'outcomes-stack')).toContain('100%');

    const reopened = await browser.open(new URL(app.page.url()).hash);
    await waitForIdle(reopened.page);
    expect(await figure(reopened.page, 'applications')).toBe(expected);
    expect(await reopened.page.getByRole('button', { name: '占比' }).getAttribute('aria-pressed')).toBe('true');
    await reopened.close();

    await afterRedraw(app.page, 'outcomes-stack', () => app.page.goBack());
    expect(app.page.url()).not.toContain('oc_pct');
    await afterRedraw(app.page, 'outcomes-stack', () => app.page.goBack());
    expect(await figure(app.page, 'applications')).toBe(await t3Total('new_received'));
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests()).toEqual([]);
  }, 240_000);

  it('lists the first 50 reports and fetches the others only when all are shown', async () => {
    await goTo(app.page, '#/outcomes');
    const [{ n }] = await nativeQuery<{ n: number }>('SELECT count(*)::INTEGER AS n FROM reports WHERE year IS NOT NULL');
    expect(n).toBeGreaterThan(50);
    const rows = app.page.locator('[data-testid=outcome-reports] tbody tr');
    expect(await rows.count()).toBe(50);
    const showAll = app.page.getByRole('button', { name: `显示全部 ${n} 份` });
    await showAll.click();
    await waitForIdle(app.page);
    expect(await rows.count()).toBe(n);
    const listed = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-report')));
    expect(new Set(listed).size).toBe(n);
    expect(app.consoleErrors).toEqual([]);
  }, 120_000);

  it('narrows to one report and links every report row to its detail', async () => {
    await goTo(app.page, '#/outcomes');
    const firstRow = app.page.locator('[data-testid=outcome-reports] tbody tr').first();
    const id = (await firstRow.getAttribute('data-report'))!;
    await firstRow.getByRole('button').click();
    await waitForIdle(app.page);
    expect(app.page.url()).toContain(`oc_report=${id}`);
    expect(await figure(app.page, 'applications')).toBe(await t3Total('new_received', `r.id = '${id}'`));
    await app.page.locator(`[data-testid=focus] a[data-report-link="${id}"]`).click();
    await waitForIdle(app.page);
    expect(app.page.url()).toContain(`#/report/${id}`);
    await app.page.locator('[data-view=report] table[data-table=t3]').waitFor();
    expect(app.consoleErrors).toEqual([]);
  }, 240_000);

  it('is usable in English and at 375 px', async () => {
    await screenshotsAllSizes(app, '#/outcomes', 'outcomes', async (page, lang) => {
      expect(await chartTexts(page, 'outcomes-stack')).toContain(lang === 'en' ? 'Natural persons' : '自然人');
    });
  }, 300_000);
});
