import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { goTo, nativeQuery, openAppPage, waitForIdle, type AppPage, type Browser } from './harness.ts';
import { digits, screenshotsAllSizes } from './views-helpers.ts';

let browser: Browser;
let app: AppPage;
beforeAll(async () => {
  ({ browser, app } = await openAppPage(inject('baseUrl')));
});
afterAll(async () => {
  await browser?.close();
});

interface CellRow { key: string; value: number | null; state: string }

const cellsOf = (id: string) =>
  nativeQuery<CellRow>(`SELECT "table" || '.' || "row" || '.' || col AS key, value, state FROM cells WHERE report_id = '${id}' AND "table" IN ('t3', 't4')`);

async function failingReport(): Promise<{ id: string; template: string }> {
  const [r] = await nativeQuery<{ id: string; template: string }>(
    `SELECT id, template FROM reports WHERE failed_hard > 0 ORDER BY n_blank + n_missing + n_inferred DESC, failed_hard DESC, id LIMIT 1`,
  );
  return r;
}

describe('Report detail', () => {
  it('lays out the three tables with every cell as printed, blanks as blanks, and marks failing cells', async () => {
    const report = await failingReport();
    await goTo(app.page, `#/report/${report.id}`);
    await app.page.locator('[data-view=report] table[data-table=t3]').waitFor();
    const cells = await cellsOf(report.id);
    const shown = await app.page.$$eval('[data-cell]', (tds) => tds.map((td) => [td.getAttribute('data-cell'), td.textContent, td.className] as const));
    const byKey = new Map(shown.map(([k, text, cls]) => [k!, { text: text ?? '', cls }]));
    for (const c of cells) {
      const td = byKey.get(c.key);
      expect(td, c.key).toBeDefined();
      if (c.value === null) expect(td!.text, c.key).toBe(c.state === 'blank' ? '空白' : '缺失');
      else expect(digits(td!.text.replace('推', '')), c.key).toBe(c.value);
      expect(td!.cls).toContain(`state-${c.state}`);
    }
    expect(await app.page.locator('[data-testid=template]').textContent()).toBe(report.template === '2019' ? '2019版（试行）' : '2021版');
    expect(await app.page.getByText('第二十条第（九）项').count()).toBe(report.template === '2019' ? 1 : 0);

    const failing = await nativeQuery<{ cells: string }>(`SELECT cells FROM checks WHERE report_id = '${report.id}' AND status = 'fail' AND cells IS NOT NULL`);
    for (const key of failing.flatMap((f) => f.cells.split(','))) expect(byKey.get(key)?.cls, key).toContain('fail');

    const [metrics] = await nativeQuery<{ n: number }>(`SELECT count(*) AS n FROM metrics WHERE report_id = '${report.id}'`);
    expect(await app.page.locator('[data-testid=metrics] li').count()).toBe(metrics.n);
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests()).toEqual([]);
  }, 240_000);

  it('choosing a check highlights the cells it read and is a permalink', async () => {
    const report = await failingReport();
    await goTo(app.page, `#/report/${report.id}`);
    const button = app.page.locator('[data-testid=checks] button.check.fail').first();
    const key = (await button.getAttribute('data-check'))!;
    const [rule, row, col] = key.split('|');
    const [check] = await nativeQuery<{ cells: string; left: number; right: number }>(
      `SELECT cells, "left", "right" FROM checks WHERE report_id = '${report.id}' AND rule = '${rule}' AND coalesce("row", '') = '${row}' AND coalesce(col, '') = '${col}'`,
    );
    expect(await button.textContent()).toContain(check.left.toLocaleString('zh-CN'));
    await button.click();
    await app.page.waitForURL(/ck=/);
    const selected = await app.page.$$eval('td.selected', (tds) => tds.map((td) => td.getAttribute('data-cell')));
    expect(selected.sort()).toEqual(check.cells.split(',').sort());

    const reopened = await browser.open(new URL(app.page.url()).hash);
    await waitForIdle(reopened.page);
    await reopened.page.locator('td.selected').first().waitFor();
    expect(await reopened.page.locator('td.selected').count()).toBe(check.cells.split(',').length);
    await reopened.close();

    await app.page.goBack();
    await app.page.waitForFunction(() => document.querySelectorAll('td.selected').length === 0);
    expect(app.consoleErrors).toEqual([]);
  }, 240_000);

  it('says so for an id the dataset does not have', async () => {
    await goTo(app.page, '#/report/no-such-report');
    await app.page.locator('[data-testid=no-report]').waitFor();
    expect(app.consoleErrors).toEqual([]);
  }, 120_000);

  it('is usable in English and at 375 px', async () => {
    const report = await failingReport();
    await screenshotsAllSizes(app, `#/report/${report.id}`, 'detail', async (page, lang) => {
      await page.locator('[data-view=report] table[data-table=t4]').waitFor();
      expect(await page.locator('#t3-title').textContent()).toContain(lang === 'en' ? 'Applications received and handled' : '收到和处理政府信息公开申请情况');
    });
  }, 300_000);
});
