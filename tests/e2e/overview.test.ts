import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chartTexts, chartTextsPlaced, goTo, nativeQuery, openAppPage, waitForIdle, type AppPage, type Browser } from './harness.ts';

let browser: Browser;
let app: AppPage;
beforeAll(async () => {
  ({ browser, app } = await openAppPage(inject('baseUrl')));
});
afterAll(async () => {
  await browser?.close();
});

const digits = (text: string | null) => Number((text ?? '').replace(/[^\d.-]/g, ''));

describe('Overview', () => {
  it('shows the dataset’s real counts, charts and failing reports, offline and without console errors', async () => {
    await goTo(app.page, '#/overview');
    const [counts] = await nativeQuery<{ reports: number; agencies: number; years: number; failing: number }>(
      'SELECT count(*) AS reports, count(DISTINCT agency) AS agencies, count(DISTINCT year) AS years, count(*) FILTER (WHERE failed_hard > 0) AS failing FROM reports',
    );
    expect(digits(await app.page.locator('[data-kpi=reports]').textContent())).toBe(counts.reports);
    expect(digits(await app.page.locator('[data-kpi=agencies]').textContent())).toBe(counts.agencies);
    expect(digits(await app.page.locator('[data-kpi=years]').textContent())).toBe(counts.years);
    expect(digits(await app.page.locator('[data-kpi=failing]').textContent())).toBe(counts.failing);

    // every bar of reports-per-year carries its count, on its own year's column (not on the value axis)
    const placed = await chartTextsPlaced(app.page, 'overview-reports');
    const byTemplate = await nativeQuery<{ year: number; n: number }>('SELECT year, count(*) AS n FROM reports WHERE year IS NOT NULL GROUP BY year, template ORDER BY year, n');
    for (const year of new Set(byTemplate.map((r) => r.year))) {
      const axisLabel = placed.find((t) => t.text === String(year));
      expect(axisLabel, `x-axis label ${year}`).toBeDefined();
      const onColumn = placed.filter((t) => t !== axisLabel && Math.abs(t.x - axisLabel!.x) < 2 && t.y < axisLabel!.y).map((t) => digits(t.text));
      expect(onColumn.sort((a, b) => a - b), `bar labels of ${year}`).toEqual(byTemplate.filter((r) => r.year === year).map((r) => r.n));
    }

    if (counts.failing > 0) {
      const [top] = await nativeQuery<{ agency: string; failed_hard: number }>('SELECT agency, failed_hard FROM reports WHERE failed_hard > 0 ORDER BY failed_hard DESC, year DESC, agency, id LIMIT 1');
      const firstRow = app.page.locator('[data-testid=failing] tbody tr').first();
      expect(await firstRow.locator('td').first().textContent()).toContain(top.agency);
      expect(digits(await firstRow.locator('td').nth(2).textContent())).toBe(top.failed_hard);
    }
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests()).toEqual([]);
  });

  it('a filter change updates every chart and figure, the URL is a permalink, and back restores', async () => {
    await goTo(app.page, '#/overview');
    const [level] = await nativeQuery<{ level: string; n: number }>('SELECT level, count(*) AS n FROM reports WHERE level IS NOT NULL GROUP BY level ORDER BY n ASC, level LIMIT 1');
    const before = await chartTexts(app.page, 'overview-reports');
    await app.page.selectOption('[data-filter=level]', level.level);
    await waitForIdle(app.page);
    expect(app.page.url()).toContain(`level=${level.level}`);
    expect(digits(await app.page.locator('[data-kpi=reports]').textContent())).toBe(level.n);
    const after = await chartTexts(app.page, 'overview-reports');
    expect(after).not.toEqual(before);
    const [apps] = await nativeQuery<{ latest: number }>(
      `SELECT max(year) AS latest FROM reports r WHERE level = '${level.level}'`,
    );
    expect(await app.page.locator('#headline-title').textContent()).toContain(String(apps.latest));

    const permalink = app.page.url();
    const reopened = await browser.open(new URL(permalink).hash);
    await waitForIdle(reopened.page);
    expect(digits(await reopened.page.locator('[data-kpi=reports]').textContent())).toBe(level.n);
    expect(await reopened.page.inputValue('[data-filter=level]')).toBe(level.level);
    await reopened.close();

    await app.page.goBack();
    await waitForIdle(app.page);
    const [all] = await nativeQuery<{ n: number }>('SELECT count(*) AS n FROM reports');
    expect(digits(await app.page.locator('[data-kpi=reports]').textContent())).toBe(all.n);
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests()).toEqual([]);
  });

  it('switches to English and keeps the state in the URL', async () => {
    await goTo(app.page, '#/overview?lang=en');
    expect(await app.page.locator('nav').textContent()).toContain('Compare');
    await app.page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await waitForIdle(app.page);
    expect(app.page.url()).not.toContain('lang=');
    expect(await app.page.locator('nav').textContent()).toContain('机关比较');
    expect(app.consoleErrors).toEqual([]);
  });
});
