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

/** Disclosure rate per report of one year, written independently of the app's SQL. */
const RATES = (year: number, extra = 'TRUE') => `
WITH t AS (SELECT report_id, "row", value FROM cells WHERE "table" = 't3' AND col = 'total' AND "row" IN ('granted', 'partially_granted', 'outcome_total'))
SELECT r.id, r.agency, r.level,
  (max(value) FILTER (WHERE "row" = 'granted') + max(value) FILTER (WHERE "row" = 'partially_granted')) / nullif(max(value) FILTER (WHERE "row" = 'outcome_total'), 0) AS rate
FROM reports r LEFT JOIN t ON t.report_id = r.id WHERE r.year = ${year} AND ${extra} GROUP BY r.id, r.agency, r.level`;

describe('Compare', () => {
  it('ranks agencies by the chosen rate with the figures SQL gives, and filters and selections live in the URL', async () => {
    const [{ year }] = await nativeQuery<{ year: number }>('SELECT max(year) AS year FROM reports');
    await goTo(app.page, `#/compare?lang=en&metric=disclosure_rate&year=${year}`);
    const rates = await nativeQuery<{ id: string; agency: string; level: string | null; rate: number | null }>(
      `SELECT * FROM (${RATES(year)}) WHERE rate IS NOT NULL ORDER BY rate DESC, agency, id`,
    );
    expect(rates.length).toBeGreaterThan(1);
    const firstRow = app.page.locator('[data-testid=compare-table] tbody tr').first();
    expect(await firstRow.getAttribute('data-report')).toBe(rates[0].id);
    expect(await firstRow.locator('td').nth(3).textContent()).toBe(`${(rates[0].rate! * 100).toFixed(1)}%`);
    const texts = await chartTexts(app.page, 'compare-ranked');
    // the top bar is the highest rate, its label printed beside it, not taken from the axis below
    const placed = await chartTextsPlaced(app.page, 'compare-ranked');
    const axisY = placed.find((t) => t.text === '0%')!.y;
    const barLabels = placed.filter((t) => t.text.endsWith('%') && Math.abs(t.y - axisY) > 2).sort((a, b) => a.y - b.y);
    expect(barLabels[0].text).toBe(`${Math.round(rates[0].rate! * 100)}%`);

    // a filter change re-ranks within the filter
    const [level] = await nativeQuery<{ level: string; n: number }>(`SELECT level, count(*) AS n FROM reports WHERE year = ${year} AND level IS NOT NULL GROUP BY 1 ORDER BY n DESC, level LIMIT 1`);
    await app.page.selectOption('[data-filter=level]', level.level);
    await waitForIdle(app.page);
    const [inLevel] = await nativeQuery<{ id: string }>(`SELECT * FROM (${RATES(year, `r.level = '${level.level}'`)}) WHERE rate IS NOT NULL ORDER BY rate DESC, agency, id LIMIT 1`);
    expect(await app.page.locator('[data-testid=compare-table] tbody tr').first().getAttribute('data-report')).toBe(inLevel.id);
    const after = await chartTexts(app.page, 'compare-ranked');
    expect(after).not.toEqual(texts);

    // pick two agencies to compare side by side
    const rows = app.page.locator('[data-testid=compare-table] tbody tr');
    const names = [await rows.nth(0).locator('td').nth(1).locator('a').textContent(), await rows.nth(1).locator('td').nth(1).locator('a').textContent()];
    await rows.nth(0).locator('input[type=checkbox]').check();
    await waitForIdle(app.page);
    await rows.nth(1).locator('input[type=checkbox]').check();
    await waitForIdle(app.page);
    expect(decodeURIComponent(app.page.url())).toContain(`sel=${names[0]},${names[1]}`);
    const side = app.page.locator('[data-testid=side-table]');
    expect(await side.locator('thead th').allTextContents()).toEqual(['Metric', names[0], names[1]]);
    expect((await chartTexts(app.page, 'compare-side')).join(' ')).toContain(names[1]!);

    // sorting by name is a URL state too
    await app.page.getByRole('button', { name: 'Agency' }).click();
    await waitForIdle(app.page);
    expect(app.page.url()).toContain('sort=agency');

    const reopened = await browser.open(new URL(app.page.url()).hash);
    await waitForIdle(reopened.page);
    expect(await reopened.page.locator('[data-testid=side-table] thead th').allTextContents()).toEqual(['Metric', names[0], names[1]]);
    expect(await reopened.page.inputValue('[data-filter=level]')).toBe(level.level);
    expect(await reopened.page.inputValue('[data-control=metric]')).toBe('disclosure_rate');
    await reopened.close();

    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests()).toEqual([]);
  });

  it('shows an item the template lacks as not applicable, never as 0', async () => {
    const [{ year }] = await nativeQuery<{ year: number }>("SELECT max(year) AS year FROM reports WHERE template = '2021'");
    await goTo(app.page, `#/compare?metric=procurement_t2&year=${year}`);
    const values = await app.page.locator('[data-testid=compare-table] tbody tr td:nth-child(4)').allTextContents();
    const [{ n2021 }] = await nativeQuery<{ n2021: number }>(`SELECT count(*) FILTER (WHERE template = '2021') AS n2021 FROM reports WHERE year = ${year}`);
    expect(values.filter((v) => v === '不适用').length).toBe(Math.min(n2021, values.length));
    expect(values).not.toContain('0');
    expect(await app.page.locator('[data-testid=absent-note]').textContent()).toContain(String(n2021));
    expect(app.consoleErrors).toEqual([]);
  });
});
