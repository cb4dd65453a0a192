import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chartTexts, goTo, nativeQuery, openAppPage, waitForIdle, type AppPage, type Browser } from './harness.ts';

let browser: Browser;
let app: AppPage;
beforeAll(async () => {
  ({ browser, app } = await openAppPage(inject('baseUrl')));
});
afterAll(async () => {
  await browser?.close();
});

describe('Trends', () => {
  it('shows the yearly totals SQL gives, marks the template change, and follows filters', async () => {
    await goTo(app.page, '#/trends?lang=en&group=all');
    const totals = await nativeQuery<{ year: number; total: number | null }>(`
      SELECT r.year, sum(c.value) AS total FROM reports r
      LEFT JOIN cells c ON c.report_id = r.id AND c."table" = 't3' AND c."row" = 'new_received' AND c.col = 'total'
      GROUP BY r.year ORDER BY r.year`);
    const headers = await app.page.locator('[data-testid=trend-table] thead th').allTextContents();
    const cells = await app.page.locator('[data-testid=trend-table] tbody tr').first().locator('td').allTextContents();
    expect(headers.slice(1)).toEqual(totals.map((t) => String(t.year)));
    expect(cells).toEqual(totals.map((t) => (t.total === null ? 'missing' : t.total.toLocaleString('en-US'))));
    const [{ templates }] = await nativeQuery<{ templates: number }>('SELECT count(DISTINCT template) AS templates FROM reports');
    if (templates > 1) expect(await chartTexts(app.page, 'trends-lines')).toContain('Template changed');

    await app.page.selectOption('[data-filter=template]', '2019');
    await waitForIdle(app.page);
    const years2019 = await nativeQuery<{ year: number }>("SELECT DISTINCT year FROM reports WHERE template = '2019' ORDER BY year");
    expect((await app.page.locator('[data-testid=trend-table] thead th').allTextContents()).slice(1)).toEqual(years2019.map((y) => String(y.year)));
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests()).toEqual([]);
  });

  it('follows chosen agencies; an item missing from a template is n/a and not joined; the state is a permalink', async () => {
    const [agency] = await nativeQuery<{ agency: string }>("SELECT agency FROM reports WHERE template = '2019' AND agency IN (SELECT agency FROM reports WHERE template = '2021') ORDER BY agency LIMIT 1");
    await goTo(app.page, '#/trends?lang=en&metric=procurement_t2');
    await app.page.selectOption('[data-control=mode]', 'agencies');
    await waitForIdle(app.page);
    // a name that is in no report is said so, and adds nothing
    await app.page.fill('[data-control=agency]', '不存在的机关名称');
    await app.page.getByRole('status').filter({ hasText: 'No agency' }).waitFor();
    await app.page.fill('[data-control=agency]', agency.agency);
    await app.page.locator(`[role=option][data-agency="${agency.agency}"]`).click();
    await waitForIdle(app.page);
    expect(decodeURIComponent(app.page.url())).toContain(`agencies=${agency.agency}`);
    await app.page.waitForFunction(
      (name) => [...document.querySelectorAll('[data-chart="trends-lines"] svg text')].some((t) => t.textContent === name),
      agency.agency,
      { timeout: 30_000 },
    );
    const rows = await nativeQuery<{ year: number; template: string }>(`SELECT year, template FROM reports WHERE agency = '${agency.agency.replaceAll("'", "''")}' ORDER BY year`);
    const cells = await app.page.locator('[data-testid=trend-table] tbody tr').first().locator('td').allTextContents();
    rows.forEach((r, i) => {
      if (r.template === '2021') expect(cells[i]).toBe('n/a');
    });
    expect(await app.page.locator('[data-testid=template-note]').textContent()).toContain('exists only in the 2019 (trial) template');

    const reopened = await browser.open(new URL(app.page.url()).hash);
    await waitForIdle(reopened.page);
    expect(await reopened.page.locator('[data-testid=trend-table] tbody tr').first().locator('td').allTextContents()).toEqual(cells);
    await reopened.page.selectOption('[data-control=layout]', 'multiples');
    await waitForIdle(reopened.page);
    expect(await chartTexts(reopened.page, 'trends-multiples')).toContain(agency.agency);
    await reopened.page.goBack();
    await waitForIdle(reopened.page);
    expect(await reopened.page.locator('[data-chart=trends-lines]').count()).toBe(1);
    expect(reopened.consoleErrors).toEqual([]);
    await reopened.close();
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests()).toEqual([]);
  });
});
