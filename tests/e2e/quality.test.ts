import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chartTexts, goTo, nativeQuery, openAppPage, waitForIdle, type AppPage, type Browser } from './harness.ts';
import { afterRedraw, chartAndLegendTexts, figure, screenshotsAllSizes } from './views-helpers.ts';

let browser: Browser;
let app: AppPage;
beforeAll(async () => {
  ({ browser, app } = await openAppPage(inject('baseUrl')));
});
afterAll(async () => {
  await browser?.close();
});

const count = async (where: string) =>
  (await nativeQuery<{ n: number }>(`SELECT count(*) AS n FROM checks c JOIN reports r ON r.id = c.report_id WHERE c.status IN ('fail', 'uncertain') AND ${where}`))[0].n;
const issueCount = async (page: import('playwright-core').Page) => Number(await page.locator('[data-testid=issue-count]').getAttribute('data-value'));

describe('Data quality', () => {
  it('counts every failed and uncertain check and every cell state of the dataset', async () => {
    await goTo(app.page, '#/quality');
    expect(await issueCount(app.page)).toBe(await count('TRUE'));
    const [s] = await nativeQuery<{ failing: number; blank: number; inferred: number; missing: number }>(
      `SELECT count(*) FILTER (WHERE failed_hard + failed_soft > 0) AS failing, sum(n_blank) AS blank, sum(n_inferred) AS inferred, sum(n_missing) AS missing FROM reports`,
    );
    expect(await figure(app.page, 'reports_failing')).toBe(s.failing);
    expect(await figure(app.page, 'n_blank')).toBe(s.blank);
    expect(await figure(app.page, 'n_inferred')).toBe(s.inferred);
    expect(await figure(app.page, 'n_missing')).toBe(s.missing);
    const rules = await nativeQuery<{ rule: string }>(`SELECT DISTINCT rule FROM checks WHERE status IN ('fail', 'uncertain')`);
    const { RULES } = await import('../../src/model/rules.ts');
    const texts = await chartTexts(app.page, 'quality-rules');
    for (const { rule } of rules) expect(texts.some((t) => RULES[rule].zh.startsWith(t.replace(/…$/, '').slice(0, 6)))).toBe(true);
    const first = await app.page.locator('[data-testid=quality-issues] tbody tr').first().locator('td').nth(4).textContent();
    expect(first).toBe('不符');
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests()).toEqual([]);
  }, 240_000);

  it('rule, status and shared filters narrow the list; the state is a permalink; a row opens its report with the check chosen', async () => {
    await goTo(app.page, '#/quality');
    await afterRedraw(app.page, 'quality-rules', () => app.page.selectOption('[data-filter=template]', '2021'));
    expect(await issueCount(app.page)).toBe(await count(`r.template = '2021'`));
    await app.page.selectOption('[data-control=q_status]', 'uncertain');
    await app.page.waitForURL(/q_status=uncertain/);
    await waitForIdle(app.page);
    const expected = await count(`r.template = '2021' AND c.status = 'uncertain'`);
    await app.page.waitForFunction((n) => document.querySelector('[data-testid=issue-count]')?.getAttribute('data-value') === String(n), expected);

    const reopened = await browser.open(new URL(app.page.url()).hash);
    await waitForIdle(reopened.page);
    expect(await issueCount(reopened.page)).toBe(expected);
    expect(await reopened.page.inputValue('[data-control=q_status]')).toBe('uncertain');
    await reopened.close();

    const link = app.page.locator('[data-testid=quality-issues] tbody tr a[data-report-link]').first();
    await link.click();
    await app.page.waitForURL(/#\/report\/.*ck=/);
    await app.page.locator('[data-testid=checks] button[aria-pressed=true]').waitFor();
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests()).toEqual([]);
  }, 240_000);

  it('is usable in English and at 375 px', async () => {
    await screenshotsAllSizes(app, '#/quality', 'quality', async (page, lang) => {
      expect(await chartAndLegendTexts(page, 'quality-rules')).toContain(lang === 'en' ? 'Failed' : '不符');
    });
  }, 300_000);
});
